# Work split into ceil(n / size) chunks processed on the default executor,
# with a short asyncio pause between chunk submissions.
import asyncio
import math
import time

ITEMS = list(range(10))
CHUNK = 4


def process_chunk(chunk: list) -> int:
    time.sleep(0.02 * len(chunk))
    return sum(chunk)


async def main():
    loop = asyncio.get_running_loop()
    n_chunks = math.ceil(len(ITEMS) / CHUNK)
    futures = []
    for i in range(n_chunks):
        chunk = ITEMS[i * CHUNK:(i + 1) * CHUNK]
        futures.append(loop.run_in_executor(None, process_chunk, chunk))
        await asyncio.sleep(0.01)
    totals = await asyncio.gather(*futures)
    print(totals)


if __name__ == "__main__":
    asyncio.run(main())
