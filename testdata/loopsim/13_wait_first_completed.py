# FIRST_COMPLETED returns after the fastest; the rest are cancelled -> 0.1 s.
import asyncio


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    tasks = {asyncio.create_task(work(d)) for d in (0.4, 0.1, 0.3)}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in pending:
        t.cancel()


if __name__ == "__main__":
    asyncio.run(main())
