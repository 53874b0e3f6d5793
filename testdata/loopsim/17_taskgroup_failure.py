# A failing TaskGroup child cancels its siblings; their cleanup (0.1 s)
# still runs before the ExceptionGroup -> 0.2 + 0.1 = 0.3 s.
import asyncio


async def long_job():
    try:
        await asyncio.sleep(2)
    finally:
        await asyncio.sleep(0.1)


async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("x")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(long_job())
            tg.create_task(failing())
    except* ValueError:
        pass


if __name__ == "__main__":
    asyncio.run(main())
