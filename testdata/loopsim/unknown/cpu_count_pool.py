# unknown: cpu_count
# Batches sized by the machine's CPU count.
import asyncio
import os


async def main():
    workers = os.cpu_count() or 1
    jobs = list(range(16))
    for start in range(0, len(jobs), workers):
        await asyncio.gather(*(asyncio.sleep(0.02) for _ in jobs[start:start + workers]))


if __name__ == "__main__":
    asyncio.run(main())
