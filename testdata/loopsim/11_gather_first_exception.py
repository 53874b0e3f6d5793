# Without return_exceptions the first failure ends the gather at once; the
# slow child keeps running until asyncio.run cancels it -> 0.15 s + 0.1 s of
# work after the failure = 0.25 s.
import asyncio


async def slow():
    await asyncio.sleep(0.6)


async def fail():
    await asyncio.sleep(0.15)
    raise RuntimeError("boom")


async def main():
    try:
        await asyncio.gather(slow(), fail())
    except RuntimeError:
        await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main())
