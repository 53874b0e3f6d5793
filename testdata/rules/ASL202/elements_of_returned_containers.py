# A loop variable takes its element type from what a function of the
# project returns: sockets a factory returns block when used in a
# coroutine.
import asyncio
import socket


def connect_all(hosts) -> list[socket.socket]:
    return [socket.create_connection((h, 80)) for h in hosts]


def by_host(hosts) -> dict[str, socket.socket]:
    return {h: socket.create_connection((h, 80)) for h in hosts}


async def ping_all(hosts):
    for s in await asyncio.to_thread(connect_all, hosts):
        s.sendall(b"ping")  # want: ASL202
    for host, s in (await asyncio.to_thread(by_host, hosts)).items():
        s.recv(4)  # want: ASL202


# Quiet: the socket calls run in a thread.
async def ping_all_fixed(hosts):
    for s in await asyncio.to_thread(connect_all, hosts):
        await asyncio.to_thread(s.sendall, b"ping")
