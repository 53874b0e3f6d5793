# Two-stage pipeline through queues: stage one 0.05 s, stage two 0.1 s per
# item, 4 items -> 0.05 + 4 * 0.1 = 0.45 s.
import asyncio


async def stage_one(inq, outq):
    while True:
        x = await inq.get()
        if x is None:
            await outq.put(None)
            return
        await asyncio.sleep(0.05)
        await outq.put(x)


async def stage_two(inq):
    n = 0
    while True:
        x = await inq.get()
        if x is None:
            return n
        await asyncio.sleep(0.1)
        n += 1


async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    for i in range(4):
        q1.put_nowait(i)
    q1.put_nowait(None)
    await asyncio.gather(stage_one(q1, q2), stage_two(q2))


if __name__ == "__main__":
    asyncio.run(main())
