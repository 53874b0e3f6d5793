import asyncio
import functools
import time

def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            print(f"{fn.__name__} took {time.perf_counter() - start:.3f}s")
    return wrapper

@timed
async def fetch(n, delay=0.05):
    await asyncio.sleep(delay * n)
    return n

async def main():
    await asyncio.gather(fetch(1), fetch(2), fetch(3, delay=0.04))
    await fetch(1)

if __name__ == "__main__":
    asyncio.run(main())
