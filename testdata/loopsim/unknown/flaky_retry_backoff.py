# unknown: random
# Retries a flaky call until an unseeded random draw succeeds, with capped exponential backoff, then polls the loop clock.
import asyncio
import random


async def flaky_call(attempt):
    await asyncio.sleep(0.05)
    return random.random() > 0.3


async def main():
    attempt = 0
    while not await flaky_call(attempt):
        attempt += 1
        await asyncio.sleep(min(2 ** attempt * 0.1, 2.0))
    loop = asyncio.get_running_loop()
    start = loop.time()
    while loop.time() - start < 0.2:
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
