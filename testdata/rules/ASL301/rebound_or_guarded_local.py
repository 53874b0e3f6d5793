import asyncio
from asyncio import Future, ensure_future, iscoroutine
import inspect

waiting = set()


# An event emitter's handler runner (pyee before it kept its futures): the
# parameter f is rebound to the task, tested and given a done callback by a
# decorator, and nothing else keeps it.
class Emitter:
    def __init__(self, loop=None):
        self._loop = loop

    def emit(self, event, exc):
        pass

    def _emit_run(self, f, args, kwargs):
        try:
            coro = f(*args, **kwargs)
        except Exception as exc:
            self.emit("error", exc)
        else:
            if iscoroutine(coro):
                if self._loop:
                    f = ensure_future(coro, loop=self._loop)  # want: ASL301 "task `f` is only referenced by this local variable, which dies when `_emit_run` returns"
                else:
                    f = ensure_future(coro)  # want: ASL301
            elif isinstance(coro, Future):
                f = coro
            else:
                f = None

            if f:

                @f.add_done_callback
                def _callback(f):
                    if f.cancelled():
                        return
                    exc = f.exception()
                    if exc:
                        self.emit("error", exc)


# Assigned in two branches, then only tested.
def run_handler(handler, fallback):
    result = handler()
    if inspect.iscoroutine(result):
        task = asyncio.ensure_future(result)  # want: ASL301
    else:
        task = None
    if task is not None:
        task.add_done_callback(print)


# Quiet: the same emitter that keeps what it schedules until it is done.
class KeepingEmitter:
    def __init__(self):
        self._waiting = set()

    def _emit_run(self, f, args, kwargs):
        coro = f(*args, **kwargs)
        if iscoroutine(coro):
            f = ensure_future(coro)
        elif isinstance(coro, Future):
            f = coro
        else:
            return
        f.add_done_callback(self._waiting.discard)
        self._waiting.add(f)


# Quiet: one assignment returns the task, another keeps it in a set.
def schedule(handler, keep):
    result = handler()
    if iscoroutine(result):
        task = ensure_future(result)
    else:
        task = None
    if keep:
        waiting.add(task)
    return task


# Quiet: without the iscoroutine test the argument may be a Future that
# ensure_future hands back unchanged (no new task is made).
def wrap(awaitable):
    fut = ensure_future(awaitable)
    fut.add_done_callback(print)


# Quiet: the test guards another name.
def wrap_other(awaitable, coro):
    if iscoroutine(coro):
        fut = ensure_future(awaitable)
        fut.add_done_callback(print)


# Quiet: a use before the assignment that a loop carries the task back to.
async def poll(make):
    task = None
    for _ in range(3):
        if task is not None and not task.done():
            waiting.add(task)
        task = asyncio.ensure_future(make())
