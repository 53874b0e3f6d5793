# Objects with async __call__, functools.reduce and zip(*pairs).
import asyncio
import functools


class Throttle:
    def __init__(self, per_call: float):
        self.per_call = per_call
        self.calls = 0

    async def __call__(self, value: int) -> int:
        self.calls += 1
        await asyncio.sleep(self.per_call)
        return value * 2


async def main():
    throttle = Throttle(0.03)
    doubled = [await throttle(v) for v in (1, 2, 3)]
    pairs = [(1, 0.02), (2, 0.04), (3, 0.01)]
    ids, delays = zip(*pairs)
    total = functools.reduce(lambda a, b: a + b, delays)
    await asyncio.sleep(total)
    await asyncio.gather(*(throttle(i) for i in ids))
    print(doubled, throttle.calls)


if __name__ == "__main__":
    asyncio.run(main())
