# Executor.submit() futures wrapped for asyncio, with asyncio.wait timeout
# polling for progress.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def work(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


async def main():
    with ThreadPoolExecutor(max_workers=2) as executor:
        cfuts = [executor.submit(work, s) for s in (0.05, 0.1, 0.15)]
        pending = {asyncio.wrap_future(f) for f in cfuts}
        polls = 0
        while pending:
            done, pending = await asyncio.wait(pending, timeout=0.04)
            polls += 1
    print("polls", polls)


if __name__ == "__main__":
    asyncio.run(main())
