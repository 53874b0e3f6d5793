# contextlib.asynccontextmanager: 0.05 s to open, 0.1 s body, 0.05 s to close,
# twice, concurrently -> 0.2 s.
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def connection(name):
    await asyncio.sleep(0.05)
    try:
        yield name
    finally:
        await asyncio.sleep(0.05)


async def use(name):
    async with connection(name) as conn:
        await asyncio.sleep(0.1)
        return conn


async def main():
    await asyncio.gather(use("a"), use("b"))


if __name__ == "__main__":
    asyncio.run(main())
