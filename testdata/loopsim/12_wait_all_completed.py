# asyncio.wait with the default ALL_COMPLETED -> 0.25 s.
import asyncio


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    tasks = [asyncio.create_task(work(d)) for d in (0.05, 0.25, 0.15)]
    done, pending = await asyncio.wait(tasks)
    assert not pending


if __name__ == "__main__":
    asyncio.run(main())
