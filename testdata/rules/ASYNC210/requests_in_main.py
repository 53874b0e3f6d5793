import asyncio
import concurrent.futures
import time

import requests

URLS = ["https://example.com"] * 10


async def fetch(url):
    response = requests.get(url)  # want: ASYNC210
    return response.text


async def main():
    start = time.time()
    t0 = time.perf_counter()
    results = await asyncio.gather(*[fetch(u) for u in URLS])
    with concurrent.futures.ThreadPoolExecutor() as pool:
        fut = pool.submit(requests.get, URLS[0])
        first = fut.result()
    print(time.time() - start, time.perf_counter() - t0, time.monotonic())
    return results, first


asyncio.run(main())
