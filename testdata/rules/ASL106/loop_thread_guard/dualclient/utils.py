import asyncio


def in_async_call(loop, default=False):
    """Whether this call runs on the loop's own thread."""
    try:
        return loop is asyncio.get_running_loop()
    except RuntimeError:
        return default


def loop_of_this_thread():
    # _get_running_loop returns None without a running loop: comparing
    # with it says nothing about the thread.
    return asyncio._get_running_loop()


def sync(loop, coro_fn):
    return asyncio.run_coroutine_threadsafe(coro_fn(), loop).result()


class SyncMethodMixin:
    """Adds `asynchronous` to a class with a `loop`."""

    @property
    def asynchronous(self):
        return in_async_call(self.loop, default=getattr(self, "_asynchronous", False))
