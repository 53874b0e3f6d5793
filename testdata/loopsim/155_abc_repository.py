# Abstract base class with two implementations; polymorphic calls decide the
# latency; a class attribute counts instances.
import abc
import asyncio


class Store(abc.ABC):
    instances = 0

    def __init__(self):
        type(self).instances += 1

    @abc.abstractmethod
    async def read(self, key: str) -> str: ...

    async def read_many(self, keys):
        return [await self.read(k) for k in keys]


class MemoryStore(Store):
    async def read(self, key: str) -> str:
        await asyncio.sleep(0)
        return key


class DiskStore(Store):
    def __init__(self, seek: float):
        super().__init__()
        self.seek = seek

    async def read(self, key: str) -> str:
        await asyncio.sleep(self.seek)
        return key.upper()


async def main():
    stores: list[Store] = [MemoryStore(), DiskStore(0.03), DiskStore(0.05)]
    results = await asyncio.gather(*(s.read_many(["x", "y", "z"]) for s in stores))
    print(results, Store.instances)


if __name__ == "__main__":
    asyncio.run(main())
