# unknown: sys.argv
# How many pages to fetch comes from the command line.
import asyncio
import sys


async def fetch_page(n: int) -> int:
    await asyncio.sleep(0.05)
    return n


async def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    for n in range(pages):
        await fetch_page(n)


if __name__ == "__main__":
    asyncio.run(main())
