# A dual-mode client asks a property whether its loop runs on this thread
# (`loop is asyncio.get_running_loop()`, which raises elsewhere) and blocks
# only in the other branch.
import asyncio
import threading


def in_async_call(loop, default=False):
    try:
        return loop is asyncio.get_running_loop()
    except RuntimeError:
        return default


class Client:
    def __init__(self, loop, asynchronous=False):
        self.loop = loop
        self._asynchronous = asynchronous
        self._done = threading.Event()

    @property
    def asynchronous(self):
        return in_async_call(self.loop, default=self._asynchronous)

    @property
    def configured_async(self):
        return self._asynchronous

    def close(self):
        if self.asynchronous:
            self.loop.call_soon(self._done.set)
        else:
            self._done.wait()

    def close_configured(self):
        if self.configured_async:
            self.loop.call_soon(self._done.set)
            return
        self._done.wait()


# Quiet: close() waits only where no loop runs on this thread.
async def shutdown(client: Client):
    client.close()


# Fires: an attribute the constructor stored says nothing about the thread.
async def shutdown_configured(client: Client):
    client.close_configured()  # want: ASL201 "`client\.close_configured\(\)` blocks the event loop"
