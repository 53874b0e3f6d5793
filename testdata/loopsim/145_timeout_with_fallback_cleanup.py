# asyncio.timeout with slow cancellation handling inside, then a fallback;
# a second block finishes in time.
import asyncio


async def stream(chunks: int, per_chunk: float) -> int:
    got = 0
    try:
        for _ in range(chunks):
            await asyncio.sleep(per_chunk)
            got += 1
    except asyncio.CancelledError:
        await asyncio.sleep(0.03)  # tell the server we are leaving
        raise
    return got


async def main():
    try:
        async with asyncio.timeout(0.15):
            await stream(10, 0.04)
    except TimeoutError:
        print("partial stream")
    async with asyncio.timeout(0.5):
        n = await stream(3, 0.04)
    print(n)


if __name__ == "__main__":
    asyncio.run(main())
