import asyncio
import functools
import time

def blocking(name, delay=0.1):
    time.sleep(delay)
    return name

async def main():
    loop = asyncio.get_running_loop()
    calls = [functools.partial(blocking, f"job{i}", delay=0.05 * (i + 1)) for i in range(4)]
    results = await asyncio.gather(*(loop.run_in_executor(None, c) for c in calls))
    print(results)

if __name__ == "__main__":
    asyncio.run(main())
