# Plain loops between awaits: 3 rounds of a 200,000-iteration loop and a
# 0.05 s sleep.
import asyncio


def checksum(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


async def main():
    for _ in range(3):
        checksum(200_000)
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
