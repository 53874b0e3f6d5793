# Bounded recursion, keyword arguments and defaults -> 4 * 0.05 = 0.2 s.
import asyncio


async def countdown(n, *, delay=0.05, label="x"):
    if n == 0:
        return label
    await asyncio.sleep(delay)
    return await countdown(n - 1, delay=delay, label=label)


async def main():
    await countdown(4)


if __name__ == "__main__":
    asyncio.run(main())
