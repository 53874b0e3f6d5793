# With blocking-in-tests = true, test modules are checked for polling too.
import asyncio
import threading


async def test_thread_finishes():
    thread = threading.Thread(target=print)
    thread.start()
    while thread.is_alive():  # want: ASYNC110
        await asyncio.sleep(0.01)
