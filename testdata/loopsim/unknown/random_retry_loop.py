# unknown: random
# Retries until a coin flip succeeds: the number of attempts is random.
import asyncio
import random


async def attempt() -> bool:
    await asyncio.sleep(0.02)
    return random.random() < 0.5


async def main():
    tries = 1
    while not await attempt():
        tries += 1
    print(tries)


if __name__ == "__main__":
    asyncio.run(main())
