"""A small ETL job: fetch pages concurrently, transform each in a two-thread
pool as soon as it arrives, and commit the batch under a shield; the job
writes its checkpoint with a blocking sleep standing in for an fsync."""
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

PAGES = [("users", 0.03), ("orders", 0.06), ("items", 0.02), ("stock", 0.05), ("prices", 0.04), ("reviews", 0.07)]


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name, list(range(10))


def transform(name, rows):
    time.sleep(0.05)  # CPU-ish work in a thread
    return name, sum(rows)


async def commit(batch):
    await asyncio.sleep(0.04)
    return len(batch)


def checkpoint():
    time.sleep(0.02)


async def main():
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=2)
    pending = []
    for fut in asyncio.as_completed([fetch(n, d) for n, d in PAGES]):
        name, rows = await fut
        pending.append(loop.run_in_executor(pool, transform, name, rows))
    batch = dict(await asyncio.gather(*pending))
    written = await asyncio.shield(commit(batch))
    checkpoint()
    pool.shutdown()
    print(written, sorted(batch))


if __name__ == "__main__":
    asyncio.run(main())
