import asyncio
import concurrent.futures
import queue
import socket
import sqlite3
import threading

import redis


async def handler(q: queue.Queue, ev: threading.Event, lock: threading.Lock, fut: concurrent.futures.Future):
    s = socket.socket()
    s.connect(("example.com", 80))  # want: ASL202
    data = s.recv(1024)  # want: ASL202
    socket.gethostbyname("example.com")  # want: ASL202
    conn = sqlite3.connect("db.sqlite")  # want: ASL202
    conn.execute("select 1")  # grouped with the connect() above
    r = redis.Redis()
    r.get("k")  # want: ASL202
    ev.wait()  # want: ASL202
    q.get()  # want: ASL202
    fut.result()  # want: ASL202
    # Quiet: calls that return at once.
    q.put_nowait(1)
    q.get_nowait()
    ev.is_set()
    ev.set()
    await asyncio.sleep(0)
    return data


async def loop_sockets(loop, s):
    # Quiet: the loop's own socket API.
    await loop.sock_connect(s, ("example.com", 80))
    data = await loop.sock_recv(s, 1024)
    infos = await loop.getaddrinfo("example.com", 80)
    return data, infos


async def async_redis():
    import redis.asyncio as aredis

    client = aredis.Redis()
    return await client.get("k")


def sync_code(q: queue.Queue):
    return q.get()
