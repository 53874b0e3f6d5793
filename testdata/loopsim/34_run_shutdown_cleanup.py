# main returns at 0.1 s; asyncio.run cancels the leftover task and waits for
# its 0.2 s cleanup -> 0.3 s.
import asyncio


async def forever():
    try:
        while True:
            await asyncio.sleep(0.05)
    finally:
        await asyncio.sleep(0.2)


async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main())
