import asyncio
import time

def worker(loop, fut):
    time.sleep(0.1)
    loop.call_soon_threadsafe(fut.set_result, "from thread")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.run_in_executor(None, worker, loop, fut)
    print(await fut)
    await asyncio.sleep(0.05)

if __name__ == "__main__":
    asyncio.run(main())
