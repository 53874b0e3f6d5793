# A protocol base two modules away from its subclasses' callbacks.
import asyncio


class LineProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
