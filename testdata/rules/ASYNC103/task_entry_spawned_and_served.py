# Task entry points started by a task group's `spawn` (aiorpcx, curio), by
# `asyncio.gather`, and connection callbacks handed to `asyncio.start_server`,
# which runs each connection's coroutine as a task of its own.
import asyncio
import logging

log = logging.getLogger(__name__)


class Network:
    def __init__(self, taskgroup):
        self.taskgroup = taskgroup

    async def connect_to(self, server):
        await self.taskgroup.spawn(self._run_interface(server))

    # Quiet: only ever spawned into the task group; on cancellation it
    # closes the interface and the child task ends.
    async def _run_interface(self, server):
        iface = await server.open()
        try:
            await iface.ready()
        except BaseException as exc:
            log.info("could not launch %s: %r", server, exc)
            await iface.close()
            return
        await iface.serve()

    async def retry(self, server):
        await self._resync(server)

    async def resync_later(self, server):
        await self.taskgroup.spawn(self._resync(server))

    # Fires: spawned, but also awaited by retry(): its caller's
    # cancellation is swallowed there.
    async def _resync(self, server):
        try:
            await server.fetch_headers()
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("resync stopped")


async def query_all(servers):
    async def ask(server):
        try:
            return await server.request("version")
        except BaseException:
            return None  # quiet: a gathered child only; gather re-raises its caller's cancellation

    return await asyncio.gather(*(ask(s) for s in servers))


async def ask_twice(server):
    async def ask():
        try:
            return await server.request("version")
        except BaseException:
            return None  # want: ASYNC104

    first = await ask()  # awaited directly too: the swallow is its caller's
    return first, await asyncio.gather(ask())


class LineServer:
    async def start(self, host, port):
        self._server = await asyncio.start_server(self._handle_client, host, port)

    # Quiet: asyncio runs each connection's callback as a task of its own;
    # nobody awaits it, and on cancellation the connection ends.
    async def _handle_client(self, reader, writer):
        try:
            while line := await reader.readline():
                writer.write(line)
                await writer.drain()
        except BaseException as exc:
            log.info("client went away: %r", exc)
        writer.close()


def watch(io_loop, event):
    # tornado's IOLoop runs the coroutine of a callback it is given as a
    # task nobody awaits (add_callback, spawn_callback).
    async def wait_for_event():
        try:
            await event.wait()
        except asyncio.CancelledError:
            pass  # quiet: the task's top level; it ends

    io_loop.add_callback(wait_for_event)
    io_loop.spawn_callback(wait_for_event)


async def watch_and_wait(io_loop, event):
    async def wait_for_event():
        try:
            await event.wait()
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    io_loop.spawn_callback(wait_for_event)
    await wait_for_event()  # awaited here too: the swallow is this caller's
