# A plain thread runs alongside the loop; joining it from a coroutine
# blocks the loop from 0.05 s to 0.25 s, so the ticker's three 0.1 s sleeps
# end at 0.25 + 0.1 + 0.1 -> 0.45 s.
import asyncio
import threading
import time


def background(d):
    time.sleep(d)


async def ticker():
    for _ in range(3):
        await asyncio.sleep(0.1)


async def main():
    t = threading.Thread(target=background, args=(0.25,))
    t.start()
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.05)
    t.join()
    await tick


if __name__ == "__main__":
    asyncio.run(main())
