# Async factory classmethod, a property computing the delay and a
# staticmethod helper.
import asyncio


class Cache:
    def __init__(self, size: int):
        self.size = size

    @classmethod
    async def create(cls, size: int) -> "Cache":
        await asyncio.sleep(0.04)  # warm up
        return cls(size)

    @property
    def lookup_cost(self) -> float:
        return 0.002 * self.size

    @staticmethod
    def keys(n: int):
        return [f"k{i}" for i in range(n)]

    async def get(self, key: str) -> str:
        await asyncio.sleep(self.lookup_cost)
        return key


async def main():
    cache = await Cache.create(25)
    values = await asyncio.gather(*map(cache.get, Cache.keys(4)))
    for k in Cache.keys(2):
        await cache.get(k)
    print(values)


if __name__ == "__main__":
    asyncio.run(main())
