# Runners wait on a start Event; main warms up first, then fires the gun.
import asyncio

SPEEDS = [0.12, 0.08, 0.2, 0.05]


async def runner(idx: int, start: asyncio.Event) -> int:
    await start.wait()
    await asyncio.sleep(SPEEDS[idx])
    return idx


async def main():
    start = asyncio.Event()
    runners = [asyncio.create_task(runner(i, start)) for i in range(len(SPEEDS))]
    await asyncio.sleep(0.1)  # warm-up
    start.set()
    order = []
    for fut in asyncio.as_completed(runners):
        order.append(await fut)
    print(order)


if __name__ == "__main__":
    asyncio.run(main())
