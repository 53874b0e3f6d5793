# unknown: environ
# The poll interval is configured through the environment.
import asyncio
import os

INTERVAL = float(os.environ.get("POLL_INTERVAL", "0.05"))


async def main():
    for _ in range(4):
        await asyncio.sleep(INTERVAL)


if __name__ == "__main__":
    asyncio.run(main())
