# Quiet case: the imports of modules outside the project stay unknown.
import asyncio

from app.work import run
from vendored.helper import slow


async def main():
    await run()
    await slow()


if __name__ == "__main__":
    asyncio.run(main())
