# TaskGroup: one child raises; the others are cancelled and clean up, the
# ExceptionGroup is handled with except*, then main does a bit more work.
import asyncio


async def download(name: str, delay: float) -> str:
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        await asyncio.sleep(0.015)  # remove partial file
        raise


async def validate(delay: float) -> None:
    await asyncio.sleep(delay)
    raise ValueError("checksum mismatch")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download("x", 0.3))
            tg.create_task(download("y", 0.05))
            tg.create_task(validate(0.12))
            tg.create_task(download("z", 0.4))
    except* ValueError as eg:
        print("failed:", eg.exceptions)
    await asyncio.sleep(0.05)


if __name__ == "__main__":
    asyncio.run(main())
