# unknown: open
# The amount of work depends on a file's contents.
import asyncio


async def main():
    with open("/etc/hostname") as f:
        names = f.read().split()
    for _ in names:
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
