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
    pool.shutdown(wait=True)  # want: ASL202 "\(and 1 more call in `stop`: line 25\)"
    pool.shutdown(cancel_futures=True)  # reported: named by line 24's finding


async def stop_new(job):
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    executor.submit(job)
    executor.shutdown(wait=0)  # quiet: a false wait
    executor.shutdown(True)  # want: ASL202


# An executor this function made, whose only jobs since were awaited, is
# idle: its shutdown returns at once (PyLabRobot's Serial.setup,
# bench/realbugs73). One made elsewhere may still run other coroutines' jobs.
class Port:
    async def setup(self, open_port):
        loop = asyncio.get_running_loop()
        self._executor = ThreadPoolExecutor(max_workers=1)
        try:
            self._port = await loop.run_in_executor(self._executor, open_port)
        except OSError:
            self._executor.shutdown(wait=True)  # quiet: its one job has been awaited
            self._executor = None
            raise

    async def stop(self):
        await asyncio.get_running_loop().run_in_executor(self._executor, self._port.close)
        self._executor.shutdown(wait=True)  # want: ASL202


async def submitted_then_shut_down(jobs):
    executor = ThreadPoolExecutor()
    for job in jobs:
        executor.submit(job)
    executor.shutdown()  # want: ASL202


async def handed_on_unawaited(job):
    executor = ThreadPoolExecutor()
    fut = asyncio.get_running_loop().run_in_executor(executor, job)
    executor.shutdown()  # want: ASL202
    return await fut


async def never_given_a_job():
    executor = ThreadPoolExecutor()
    executor.shutdown()  # quiet: no job, no worker started
