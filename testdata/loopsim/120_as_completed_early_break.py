# as_completed with an early break: the first two replies are enough; the
# stragglers keep running until asyncio.run cancels them at shutdown.
import asyncio


async def replica(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name


async def main():
    tasks = [asyncio.create_task(replica(n, d)) for n, d in [("a", 0.3), ("b", 0.07), ("c", 0.15), ("d", 0.5)]]
    quorum = []
    for fut in asyncio.as_completed(tasks):
        quorum.append(await fut)
        if len(quorum) == 2:
            break
    await asyncio.sleep(0.05)
    print(quorum)


if __name__ == "__main__":
    asyncio.run(main())
