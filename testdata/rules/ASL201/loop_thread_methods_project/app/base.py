# A protocol base class in one module; its subclass in another.
import asyncio


class LineProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""
