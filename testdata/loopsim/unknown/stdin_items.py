# unknown: stdin
# One job per line of standard input.
import asyncio
import sys


async def handle(line: str) -> None:
    await asyncio.sleep(0.01 * len(line))


async def main():
    lines = sys.stdin.read().splitlines()
    await asyncio.gather(*(handle(l) for l in lines))


if __name__ == "__main__":
    asyncio.run(main())
