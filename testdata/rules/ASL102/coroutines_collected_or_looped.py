import asyncio


async def fetch(url):
    await asyncio.sleep(0.1)
    return url


async def main(urls):
    coros = [fetch(u) for u in urls]
    results = await asyncio.gather(*coros)
    pending = [fetch(u) for u in urls]  # want: ASL102
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    done, _ = await asyncio.wait(tasks)
    first = fetch(urls[0])
    second = fetch(urls[1])
    both = await asyncio.gather(first, second)
    for url in urls:
        fetch(url)  # want: ASL102
    return results, done, both
