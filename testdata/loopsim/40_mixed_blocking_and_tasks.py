# A heartbeat task ticks every 0.05 s while main does blocking work in two
# chunks and awaits in between -> 0.1 + 0.1 + 0.1 = 0.3 s.
import asyncio
import time

ticks = 0


async def heartbeat():
    global ticks
    while True:
        await asyncio.sleep(0.05)
        ticks += 1


async def main():
    hb = asyncio.create_task(heartbeat())
    time.sleep(0.1)
    await asyncio.sleep(0.1)
    time.sleep(0.1)
    hb.cancel()


if __name__ == "__main__":
    asyncio.run(main())
