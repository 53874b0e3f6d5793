# wait_for times out at 0.1 s but shield keeps the inner task running;
# main then awaits it -> 0.3 s.
import asyncio


async def important():
    await asyncio.sleep(0.3)
    return 42


async def main():
    task = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.1)
    except asyncio.TimeoutError:
        pass
    return await task


if __name__ == "__main__":
    asyncio.run(main())
