# A server base class whose __init__ gives every instance a task group of
# the project; its call_soon runs what the coroutine function makes as a
# task. A callback registry whose call_soon calls the callable plainly.
import asyncio


class AsyncTaskGroup:
    def __init__(self):
        self._tasks = set()

    def call_soon(self, afunc, /, *args, **kwargs):
        task = asyncio.create_task(afunc(*args, **kwargs))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


class Callbacks:
    def call_soon(self, callback, *args):
        callback(*args)


class Server:
    def __init__(self):
        self._background = AsyncTaskGroup()
        self._callbacks = Callbacks()
