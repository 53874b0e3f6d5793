# executor.shutdown() joins the pool's workers, so it waits for every
# submitted job; shutdown(wait=False) (or shutdown(False)) returns at once.
import asyncio
import concurrent.futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


class Loop:
    def __init__(self):
        self._default_executor = ThreadPoolExecutor()

    async def shutdown_default_executor(self, timeout=None):
        done = await asyncio.to_thread(self._default_executor.shutdown)
        if timeout is not None and not done:
            self._default_executor.shutdown(wait=False)  # quiet: does not wait for the workers

    async def close(self):
        self._default_executor.shutdown()  # want: ASL202 "self._default_executor.shutdown"


async def stop(pool: ProcessPoolExecutor):
    pool.shutdown(False)  # quiet: positional wait=False
    pool.shutdown(wait=False, cancel_futures=True)  # quiet
    pool.shutdown(wait=True)  # want: ASL202
    pool.shutdown(cancel_futures=True)  # want: ASL202


async def stop_new():
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    executor.shutdown(wait=0)  # quiet: a false wait
    executor.shutdown(True)  # want: ASL202
