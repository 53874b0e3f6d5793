import asyncio

class Resource:
    def __init__(self, name, open_delay=0.05):
        self.name = name
        self.open_delay = open_delay

    async def __aenter__(self):
        await asyncio.sleep(self.open_delay)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.02)
        return False

    async def query(self):
        await asyncio.sleep(0.1)
        return self.name

async def main():
    async with Resource("db") as db, Resource("cache", 0.03) as cache:
        a = await db.query()
        b = await cache.query()
    print(a, b)

if __name__ == "__main__":
    asyncio.run(main())
