# functools.partial pins arguments for both coroutines and executor jobs.
import asyncio
import functools
import time


async def fetch(resource: str, *, delay: float, retries: int = 1) -> str:
    for _ in range(retries):
        await asyncio.sleep(delay)
    return resource


def compress(data: str, level: int) -> str:
    time.sleep(0.01 * level)
    return data


async def main():
    quick = functools.partial(fetch, delay=0.05)
    stubborn = functools.partial(fetch, delay=0.04, retries=3)
    results = await asyncio.gather(quick("a"), quick("b"), stubborn("c"))
    loop = asyncio.get_running_loop()
    packed = await loop.run_in_executor(None, functools.partial(compress, "".join(results), level=6))
    print(packed)


if __name__ == "__main__":
    asyncio.run(main())
