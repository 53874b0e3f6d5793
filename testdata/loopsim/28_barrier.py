# Three parties arrive at 0.1, 0.2, 0.3 s; all pass the barrier at 0.3 s and
# work 0.1 s more -> 0.4 s.
import asyncio


async def party(barrier, d):
    await asyncio.sleep(d)
    await barrier.wait()
    await asyncio.sleep(0.1)


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party(barrier, 0.1), party(barrier, 0.2), party(barrier, 0.3))


if __name__ == "__main__":
    asyncio.run(main())
