# FIRST_EXCEPTION returns at the first failure (0.2 s); the others finish
# on their own time because nothing cancels them... until asyncio.run's
# shutdown cancels them -> 0.2 s.
import asyncio


async def work(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(d)
    return d


async def main():
    tasks = [asyncio.create_task(work(0.1)), asyncio.create_task(work(0.2, fail=True)), asyncio.create_task(work(0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))


if __name__ == "__main__":
    asyncio.run(main())
