# asyncio.timeout cancels the body at the deadline -> 0.2 s, then 0.1 s more.
import asyncio


async def slow():
    await asyncio.sleep(1.0)


async def main():
    try:
        async with asyncio.timeout(0.2):
            await slow()
    except TimeoutError:
        pass
    await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main())
