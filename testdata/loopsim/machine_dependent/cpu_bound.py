# Pure-Python CPU work in coroutines holds the loop: two crunches of
# 1,000,000 squares plus a 0.05 s sleeper that starts first. The estimate
# depends on the machine's speed (about 45 ns per item on CPython 3.11).
import asyncio


def crunch(n):
    return sum(i * i for i in range(n))


async def worker(n):
    return crunch(n)


async def sleeper():
    await asyncio.sleep(0.05)


async def main():
    await asyncio.gather(sleeper(), worker(1_000_000), worker(1_000_000))


if __name__ == "__main__":
    asyncio.run(main())
