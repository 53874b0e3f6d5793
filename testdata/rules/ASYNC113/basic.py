import asyncio
from contextlib import asynccontextmanager

import trio


async def serve(handler, *, task_status=trio.TASK_STATUS_IGNORED):
    task_status.started()
    await trio.sleep_forever()


class Server:
    async def __aenter__(self):
        self._tg = asyncio.TaskGroup()
        await self._tg.__aenter__()
        self._tg.create_task(serve(self.handle))  # want: ASYNC113 "`create_task\(\)` in `__aenter__` does not wait for the task"
        return self

    async def handle(self):
        pass


@asynccontextmanager
async def running(nursery, handler):
    nursery.start_soon(trio.serve_tcp, handler, 8080)  # want: ASYNC113
    yield
    nursery.start_soon(trio.serve_tcp, handler, 8081)


# Quiet
@asynccontextmanager
async def waits(nursery, handler):
    await nursery.start(trio.serve_tcp, handler, 8080)
    yield


class Plain:
    async def __aenter__(self):
        self._tg.create_task(self.heartbeat())
        return self

    async def heartbeat(self):
        pass


async def not_aenter(tg):
    tg.create_task(serve(None))
