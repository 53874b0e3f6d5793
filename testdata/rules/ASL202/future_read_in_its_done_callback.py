# A done callback runs once its future is done: a coroutine handed the
# future it receives reads result() and exception() at once. Only the
# module's own calls are asked, so the coroutine must be private to it.
import asyncio
import concurrent.futures


class Worker:
    def __init__(self, loop):
        self._loop = loop
        self._executor = concurrent.futures.ThreadPoolExecutor()

    def start(self, job):
        future = self._executor.submit(job)

        def report(done: concurrent.futures.Future) -> None:
            asyncio.run_coroutine_threadsafe(self._send_result(1, done), self._loop)

        future.add_done_callback(report)

    def start_bound(self, job):
        future = self._executor.submit(job)
        future.add_done_callback(self._on_done)

    def _on_done(self, done: concurrent.futures.Future) -> None:
        asyncio.run_coroutine_threadsafe(self._send_result(2, future=done), self._loop)

    def start_lambda(self, job):
        future = self._executor.submit(job)
        future.add_done_callback(
            lambda done: asyncio.run_coroutine_threadsafe(self._send_result(3, done), self._loop)
        )

    async def _send_result(self, job_id: int, future: concurrent.futures.Future) -> str:
        if future.exception():  # quiet: every call passes a done future
            return "error"
        return str(future.result())  # quiet: as above

    # Fires: one call passes a future nobody waited for.
    def start_and_wait(self, job):
        future = self._executor.submit(job)

        def report(done: concurrent.futures.Future) -> None:
            asyncio.run_coroutine_threadsafe(self._read(done), self._loop)

        future.add_done_callback(report)
        return self._read(self._executor.submit(job))

    async def _read(self, future: concurrent.futures.Future):
        return future.result()  # want: ASL202

    # Fires: the callback is also called by hand, with a future still running.
    def start_twice(self, job):
        future = self._executor.submit(job)

        def report(done: concurrent.futures.Future) -> None:
            asyncio.run_coroutine_threadsafe(self._read_again(done), self._loop)

        future.add_done_callback(report)
        report(future)

    async def _read_again(self, future: concurrent.futures.Future):
        return future.result()  # want: ASL202

    # Fires: a public coroutine may be called from other modules with any future.
    def start_public(self, job):
        future = self._executor.submit(job)

        def report(done: concurrent.futures.Future) -> None:
            asyncio.run_coroutine_threadsafe(self.read_public(done), self._loop)

        future.add_done_callback(report)

    async def read_public(self, future: concurrent.futures.Future):
        return future.result()  # want: ASL202

    # Fires: the parameter is rebound before the read.
    def start_rebound(self, job):
        future = self._executor.submit(job)

        def report(done: concurrent.futures.Future) -> None:
            asyncio.run_coroutine_threadsafe(self._read_rebound(done), self._loop)

        future.add_done_callback(report)

    async def _read_rebound(self, future: concurrent.futures.Future):
        future = self._executor.submit(print)
        return future.result()  # want: ASL202
