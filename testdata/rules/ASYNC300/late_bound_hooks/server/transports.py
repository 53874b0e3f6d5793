from asyncio import ensure_future

from .base import BaseServer


class AsyncServer(BaseServer):
    async def on_start(self, conn, parsed):
        await conn.send("started")

    async def on_stop(self, conn, parsed):
        await conn.send("stopped")

    async def handle(self, conn):
        while True:
            message = await conn.receive()
            # on_message is a plain def of the base, but for this class it
            # returns the coroutine of the async on_start/on_stop hooks.
            ensure_future(self.on_message(conn, message))  # want: ASYNC300

    async def keep(self, conn):
        message = await conn.receive()
        self.task = ensure_future(self.on_message(conn, message))  # quiet: kept
        ensure_future(self.pending())  # quiet: a Future made already


class SyncHooks(BaseServer):
    # Hooks that hand back Futures made elsewhere: no coroutine on any path.
    def on_start(self, conn, parsed):
        return conn.started

    def on_stop(self, conn, parsed):
        return conn.stopped

    async def handle(self, conn):
        message = await conn.receive()
        ensure_future(self.on_message(conn, message))  # quiet: no path returns a coroutine


async def relay(server: BaseServer, conn, message):
    # The receiver's class is not known: the base's abstract hooks say
    # nothing, so this stays quiet as before.
    ensure_future(server.on_message(conn, message))  # quiet: receiver's class unknown
    await conn.send("relayed")
