# asyncio.wait with a timeout returns (done, pending) at the timeout and
# cancels nothing; main then awaits the pending task -> 0.35 s.
import asyncio


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    tasks = [asyncio.create_task(work(0.05)), asyncio.create_task(work(0.35))]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    for t in pending:
        await t


if __name__ == "__main__":
    asyncio.run(main())
