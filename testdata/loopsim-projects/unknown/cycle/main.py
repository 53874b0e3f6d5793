import asyncio

from app.a import f


async def main():
    await f()


if __name__ == "__main__":
    asyncio.run(main())
