# unknown: exists
# Runs until someone creates a stop file: the duration is outside the program.
import asyncio
import os

STOP_FILE = "/tmp/loopsim-stop-marker"


async def main():
    while True:
        await asyncio.sleep(0.1)
        if os.path.exists(STOP_FILE):
            break


if __name__ == "__main__":
    asyncio.run(main())
