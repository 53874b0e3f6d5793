import asyncio
import logging

import trio

log = logging.getLogger(__name__)


class Server:
    def __init__(self, loop):
        self._loop = loop

    def _on_accept(self, conn):
        # The coroutine is kept in a local name only to be started as a task.
        accept = self._accept_connection(conn)
        self._loop.create_task(accept)

    # Quiet: only ever a task's entry point (through the local name above);
    # the handler logs and the task ends.
    async def _accept_connection(self, conn):
        try:
            await conn.handshake()
        except BaseException as exc:
            log.debug("accept failed: %r", exc)

    def _on_retry(self, conn):
        coro = self._retry(conn)
        self._loop.create_task(coro)
        return coro  # also handed back to the caller, who may await it

    # Fires: the local name is also returned, so someone may await it.
    async def _retry(self, conn):
        try:
            await conn.handshake()
        except asyncio.CancelledError:  # want: ASYNC103
            log.debug("retry stopped")


def setup_shutdown(workers):
    # A function handed by name to a task starter is the task's entry point.
    trio.lowlevel.spawn_system_task(_shutdown_pool, workers)


# Quiet: a system task that exists to be cancelled, cleans up and ends.
async def _shutdown_pool(workers):
    try:
        await trio.sleep_forever()
    except trio.Cancelled:
        for w in workers:
            w.kill()
        with trio.CancelScope(shield=True):
            for w in workers:
                await w.wait()


def create_task(coro):
    # A project's own helper named like asyncio's starts a task too.
    return asyncio.get_running_loop().create_task(coro)


def setup_cleanup(resources):
    create_task(_cleanup_on_exit(resources))


# Quiet: started through the helper above; cleanup in the handler, then the end.
async def _cleanup_on_exit(resources):
    try:
        await asyncio.sleep(float("inf"))
    except asyncio.CancelledError:
        for r in resources:
            await r.aclose()


def setup_callbacks(loop, resources):
    loop.call_soon(_on_tick, resources)


# Fires: handed to call_soon, which is not a task starter (calling it there
# makes a coroutine nobody runs): how it is run is not known.
async def _on_tick(resources):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:  # want: ASYNC103
        pass


class PubSubManager:
    """python-socketio: start_background_task(target) runs target as a task."""

    def __init__(self, server):
        self.server = server

    def initialize(self):
        self.thread = self.server.start_background_task(self._thread)

    # Quiet: only ever a task's entry point (handed to start_background_task);
    # a cancellation ends the loop and the task.
    async def _thread(self):
        while True:
            try:
                await self.server.listen()
            except asyncio.CancelledError:
                break

    def initialize_inline(self):
        self.server.run_in_background(self._pump)

    # Fires: handed to a call that is no known task starter; how it runs is
    # not known.
    async def _pump(self):
        while True:
            try:
                await self.server.listen()
            except asyncio.CancelledError:  # left only by break: one finding, ASYNC104 at the break
                break  # want: ASYNC104
