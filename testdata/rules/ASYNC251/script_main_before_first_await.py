# A script's module-level main coroutine run by its `if __name__ ==
# "__main__":` with asyncio.run: a pause before its first await holds no
# other task (nothing else is on the fresh loop yet); one after it does.
import asyncio
import time


async def main():
    time.sleep(1)  # quiet: before the first await of the loop's only coroutine
    await asyncio.sleep(0)
    time.sleep(1)  # want: ASYNC251


if __name__ == "__main__":
    asyncio.run(main())
