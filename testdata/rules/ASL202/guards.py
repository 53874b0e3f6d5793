# Blocking-capable calls that the code around them has made non-blocking.
import asyncio
import queue
import threading


class Receiver:
    def __init__(self):
        self._queue = queue.Queue()

    async def receive(self):
        while self._queue.empty():  # want: ASYNC110 (a busy-wait, but get() below cannot wait)
            await asyncio.sleep(0)
        return self._queue.get()  # quiet: the loop above waited until it is not empty

    async def receive_now(self):
        if not self._queue.empty():
            return self._queue.get()  # quiet: only when an item is there
        return None

    async def receive_blocking(self):
        return self._queue.get()  # want: ASL202


async def stop(thread: threading.Thread):
    while thread.is_alive():  # want: ASYNC110
        await asyncio.sleep(0.01)
    thread.join()  # quiet: the thread has finished


async def stop_blocking(thread: threading.Thread):
    thread.join()  # want: ASL202


async def never_runs(lock: threading.Lock):
    for _ in ():
        lock.acquire()  # quiet: the loop body never runs
    if False:
        lock.acquire()  # quiet: dead code
    lock.acquire()  # want: ASL202
