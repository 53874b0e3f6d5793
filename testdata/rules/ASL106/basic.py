import asyncio
import concurrent.futures
import functools
import threading


def produce(loop, fut):
    fut.set_result(compute())  # want: ASL106 "`fut\.set_result\(\)` is not thread-safe and `produce` runs in another thread.*call_soon_threadsafe\(fut\.set_result, value\)"


def notify(loop):
    loop.call_soon(print, "done")  # want: ASL106


def helper_chain(loop):
    notify(loop)


def spawn(loop):
    loop.create_task(work())  # want: ASL106


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce, loop, fut)
    await asyncio.to_thread(notify, loop)
    await asyncio.to_thread(helper_chain, loop)
    await loop.run_in_executor(None, functools.partial(spawn, loop))
    await asyncio.to_thread(lambda: fut.set_result(1))  # want: ASL106
    threading.Thread(target=notify, args=(loop,)).start()


# Quiet: the thread-safe entry points.
def produce_safely(loop, fut):
    loop.call_soon_threadsafe(fut.set_result, compute())


def submit(loop):
    asyncio.run_coroutine_threadsafe(work(), loop)


def pure():
    return compute()


async def main_ok():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await loop.run_in_executor(None, produce_safely, loop, fut)
    await asyncio.to_thread(submit, loop)
    await asyncio.to_thread(pure)
    fut.set_result(1)


def compute():
    return 1


async def work():
    await asyncio.sleep(0)


def own_loop_thread():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.call_soon(print, "mine")
    loop.run_forever()


def start_own_loop():
    threading.Thread(target=own_loop_thread).start()


async def via_pool():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor()
    pool.submit(notify, loop)
