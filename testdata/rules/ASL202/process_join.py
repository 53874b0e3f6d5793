# multiprocessing.Process.join() waits for another process to finish: it
# blocks the loop like a thread's join, and the message names the process.
import asyncio
import multiprocessing
from multiprocessing import Process


class Worker(multiprocessing.Process):
    def run(self):
        print("working")


async def run_worker():
    worker = Worker()
    worker.start()
    worker.join()  # want: ASL202 "`worker\.join\(\)` \(multiprocessing\.Process\.join\) blocks the event loop.*wait for the process"


async def run_function():
    proc = Process(target=print, args=("hello",))
    proc.start()
    proc.join(timeout=30)  # want: ASL202 "\(multiprocessing\.Process\.join\)"


# Quiet: the process was terminated first (the join only reaps it), or the
# wait happens in a worker thread.
async def stop_function():
    proc = multiprocessing.Process(target=print)
    proc.start()
    proc.terminate()
    proc.join()


async def wait_in_thread():
    proc = multiprocessing.Process(target=print)
    proc.start()
    await asyncio.to_thread(proc.join)
