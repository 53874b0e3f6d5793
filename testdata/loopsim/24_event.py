# Waiters block on an Event set after 0.2 s, then work 0.1 s -> 0.3 s.
import asyncio


async def waiter(event, n):
    await event.wait()
    await asyncio.sleep(0.1)
    return n


async def setter(event):
    await asyncio.sleep(0.2)
    event.set()


async def main():
    event = asyncio.Event()
    await asyncio.gather(waiter(event, 1), waiter(event, 2), setter(event))


if __name__ == "__main__":
    asyncio.run(main())
