# `.drain()` on a receiver of unknown type is taken as StreamWriter.drain()
# only in async code, and not when the module has its own synchronous drain()
# (stdlib_awaitable_methods.py shows it firing in a start_server callback).

import asyncio


def flush(port):
    port.drain()  # quiet: a synchronous function cannot await it; port is no stream writer


class SerialInterface:
    def __init__(self, impl):
        self.impl = impl

    def drain(self):
        self.impl.read_all()


class Device:
    def __init__(self, iface):
        self.iface = iface

    async def reset(self):
        self.iface.drain()  # quiet: the module's SerialInterface.drain() is synchronous


async def reply(writer: asyncio.StreamWriter):
    writer.drain()  # want: ASL102
