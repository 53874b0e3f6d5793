# A project's own `call_soon`/`call_later` that runs what its callable makes
# as a task (dask distributed's AsyncTaskGroup) takes a coroutine function:
# only its name is the loop's. One that calls the callable and drops the
# result is a callback method like the loop's, and still reported.
import asyncio


def _delayed(corofunc, delay):
    async def wrapper(*args, **kwargs):
        await asyncio.sleep(delay)
        return await corofunc(*args, **kwargs)

    return wrapper


class AsyncTaskGroup:
    def __init__(self):
        self._tasks = set()

    def call_soon(self, afunc, /, *args, **kwargs):
        task = asyncio.create_task(afunc(*args, **kwargs))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def call_later(self, delay, afunc, /, *args, **kwargs):
        # Through a helper that wraps it in a coroutine function.
        self.call_soon(_delayed(afunc, delay), *args, **kwargs)


class Dispatcher:
    def __init__(self):
        self._callbacks = []

    def call_soon(self, callback, *args):
        callback(*args)


class Server:
    def __init__(self):
        self._background = AsyncTaskGroup()
        self._dispatch = Dispatcher()
        self.loop = asyncio.get_event_loop()

    async def handle(self, comm):
        await comm.read()

    def on_comm(self, comm):
        self._background.call_soon(self.handle, comm)
        self._background.call_later(1, self.handle, comm)
        self._dispatch.call_soon(self.handle, comm)  # want: ASL102
        self.loop.call_soon(self.handle, comm)  # want: ASL102


async def group_in_a_local():
    group = AsyncTaskGroup()

    async def set_flag():
        await asyncio.sleep(0)

    group.call_soon(set_flag)
    group.call_later(1, set_flag)
    await asyncio.sleep(0)
