import asyncio

from dualclient.utils import SyncMethodMixin, in_async_call, loop_of_this_thread, sync


class Client(SyncMethodMixin):
    """Usable from the loop's thread (awaited) and from other threads."""

    def __init__(self, loop, asynchronous=False):
        self.loop = loop
        self._asynchronous = asynchronous

    @property
    def maybe_on_loop(self):
        return self.loop is loop_of_this_thread()

    @property
    def configured_async(self):
        return self._asynchronous

    async def _start(self):
        return self

    # Quiet: the branch runs only where the loop runs on this thread.
    def start(self):
        if self.asynchronous:
            self._started = asyncio.ensure_future(self._start())
        else:
            sync(self.loop, self._start)

    # Quiet: the else of a test that never holds on the loop's thread.
    def restart(self):
        if not in_async_call(self.loop):
            sync(self.loop, self._start)
        else:
            self._started = asyncio.ensure_future(self._start())

    # Fires: the plain branch of the same test runs off the loop.
    def stop(self):
        if self.asynchronous:
            return None
        self.loop.call_soon(print, "stopping")  # want: ASL106

    # Fires: an attribute the constructor stored says nothing about the thread.
    def start_configured(self):
        if self.configured_async:
            self._started = asyncio.ensure_future(self._start())  # want: ASL106

    # Fires: `is _get_running_loop()` also holds when both are None.
    def start_maybe(self):
        if self.maybe_on_loop:
            self._started = asyncio.ensure_future(self._start())  # want: ASL106


class LocalClient:
    """The question asked by a property of the class itself."""

    def __init__(self, loop):
        self.loop = loop

    @property
    def on_loop(self):
        return in_async_call(self.loop)

    async def _start(self):
        return self

    # Quiet: the property answers "a loop runs on this thread".
    def start(self):
        if self.on_loop:
            self._started = asyncio.ensure_future(self._start())

    # Fires: the else of that test runs off the loop.
    def start_elsewhere(self):
        if self.on_loop:
            return
        else:
            self.loop.create_task(self._start())  # want: ASL106
