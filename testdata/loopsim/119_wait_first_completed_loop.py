# Handle results as they arrive with asyncio.wait(FIRST_COMPLETED); stop as
# soon as one says it found the answer and cancel the rest.
import asyncio


async def search(shard: int, delay: float, found: bool):
    await asyncio.sleep(delay)
    return shard, found


async def main():
    plan = [(0, 0.05, False), (1, 0.12, False), (2, 0.18, True), (3, 0.4, False), (4, 0.5, True)]
    pending = {asyncio.create_task(search(*p)) for p in plan}
    answer = None
    while pending and answer is None:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            shard, found = task.result()
            if found:
                answer = shard
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("answer from shard", answer)


if __name__ == "__main__":
    asyncio.run(main())
