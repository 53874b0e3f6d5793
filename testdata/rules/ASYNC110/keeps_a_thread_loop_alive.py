# A coroutine run only as the main coroutine of a private event loop in a
# thread of its own keeps that loop alive until its owner, on another
# thread, sets the flag: the fix is run_forever() and
# call_soon_threadsafe(loop.stop), not an Event.
import asyncio
import threading


class Client:
    def __init__(self):
        self._closing = False
        self._thread = None
        self._loop = None

    def start(self):
        self._thread = threading.Thread(target=self.__run_socket)
        self._thread.start()

    def stop(self):
        self._closing = True
        self._thread.join()

    def __run_socket(self):
        self._loop = asyncio.new_event_loop()
        self._loop.run_until_complete(self._connect())
        self._loop.run_until_complete(self._keep_loop_alive())

    async def _connect(self): ...

    async def _keep_loop_alive(self):
        """Keep the socket loop running until stop()."""
        while not self._closing:  # quiet: the thread's loop lives until the owner's stop()
            await asyncio.sleep(0.1)

    # Fires: also awaited by a coroutine, not only a thread loop's main coroutine.
    async def _wait_closed(self):
        while not self._closing:  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def close(self):
        await self._wait_closed()

    def run_in_thread(self):
        self._loop.run_until_complete(self._wait_closed())


class Runner:
    def __init__(self):
        self.done = False

    # Fires: run_until_complete in a function that is no thread's target.
    def run(self):
        asyncio.new_event_loop().run_until_complete(self._wait())

    async def _wait(self):
        while not self.done:  # want: ASYNC110
            await asyncio.sleep(0.1)

    # Fires: the poll is not the start of the main coroutine.
    def serve(self):
        asyncio.new_event_loop().run_until_complete(self._serve())

    def start(self):
        threading.Thread(target=self.serve).start()

    async def _serve(self):
        await self.setup()
        while not self.done:  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def setup(self): ...


class Owner:
    def __init__(self, worker):
        self.worker = worker
        self.done = False

    # Fires: the thread runs another object's method of the same name, not
    # this one.
    def start(self):
        threading.Thread(target=self.worker.run_socket).start()

    def run_socket(self):
        asyncio.new_event_loop().run_until_complete(self._idle())

    async def _idle(self):
        while not self.done:  # want: ASYNC110
            await asyncio.sleep(0.1)
