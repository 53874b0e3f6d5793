"""A sensor pipeline built from async generators: readings are produced at a
fixed rate, smoothed over a window, and batched; three stations start
together at a barrier and the pipeline stops after a fixed number of
batches per station."""
import asyncio
from collections import deque
from contextlib import aclosing


async def readings(station, period, count):
    for i in range(count):
        await asyncio.sleep(period)
        yield station, i, (i * 7 + len(station)) % 11


async def smoothed(source, window=3):
    recent = deque(maxlen=window)
    async for station, i, value in source:
        recent.append(value)
        yield station, i, sum(recent) / len(recent)


async def batches(source, size):
    batch = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def station(name, period, barrier, out):
    await barrier.wait()
    async with aclosing(batches(smoothed(readings(name, period, 12)), 4)) as stream:
        async for batch in stream:
            await asyncio.sleep(0.005)  # upload the batch
            out.append((name, len(batch)))


async def main():
    barrier = asyncio.Barrier(3)
    out = []
    await asyncio.gather(
        station("north", 0.01, barrier, out),
        station("south", 0.015, barrier, out),
        station("east", 0.02, barrier, out),
    )
    print(len(out), out[-1])


if __name__ == "__main__":
    asyncio.run(main())
