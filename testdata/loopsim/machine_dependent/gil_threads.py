# CPU-bound work sent to threads does not run in parallel: the GIL
# serialises it, so four threads take as long as one after another.
import asyncio


def checksum(n):
    total = 0
    for i in range(n):
        total = (total * 31 + i) % 1_000_003
    return total


async def main():
    results = await asyncio.gather(*(asyncio.to_thread(checksum, 300_000) for _ in range(4)))
    await asyncio.sleep(0.01)
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
