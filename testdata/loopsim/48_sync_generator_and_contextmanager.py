# A plain generator feeds delays; a contextmanager times the block; tasks
# run concurrently -> max(0.1, 0.2, 0.3) = 0.3 s.
import asyncio
import time
from contextlib import contextmanager


def delays(n):
    for i in range(1, n + 1):
        yield i * 0.1


@contextmanager
def timer(results):
    start = time.perf_counter()
    yield
    results.append(time.perf_counter() - start)


async def main():
    results = []
    with timer(results):
        await asyncio.gather(*(asyncio.sleep(d) for d in delays(3)))
    return results


if __name__ == "__main__":
    asyncio.run(main())
