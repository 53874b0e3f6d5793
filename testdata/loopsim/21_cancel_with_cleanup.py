# task.cancel() at 0.1 s; the task's except/finally cleanup awaits 0.15 s
# more, and main waits for it -> 0.25 s.
import asyncio


async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        raise
    finally:
        await asyncio.sleep(0.05)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass


if __name__ == "__main__":
    asyncio.run(main())
