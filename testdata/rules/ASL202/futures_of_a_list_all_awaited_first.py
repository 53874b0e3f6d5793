# A list of thread-pool futures whose every one the coroutine first awaited
# through asyncio.wrap_future, in one asyncio.gather or in asyncio.wait with
# neither a timeout nor a return_when: once the await returns each future
# is done, and `.result()` over the same list returns at once. A wait that
# may return early, or a loop over another list, still blocks.
import asyncio
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor(max_workers=4)


def render(page):
    return page


async def gathered(pages):
    futures = [executor.submit(render, p) for p in pages]
    await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))
    return [f.result() for f in futures]


async def waited(pages):
    futures = [executor.submit(render, p) for p in pages]
    await asyncio.wait([asyncio.wrap_future(f) for f in futures])
    out = []
    for fut in futures:
        out.append(fut.result())
    return out


async def waited_with_timeout(pages):
    futures = [executor.submit(render, p) for p in pages]
    await asyncio.wait([asyncio.wrap_future(f) for f in futures], timeout=5)
    return [f.result() for f in futures]  # want: ASL202 "`f\.result\(\)` \(concurrent\.futures\.Future\.result\) blocks the event loop"


async def first_completed(pages):
    futures = [executor.submit(render, p) for p in pages]
    await asyncio.wait([asyncio.wrap_future(f) for f in futures], return_when=asyncio.FIRST_COMPLETED)
    return [f.result() for f in futures]  # want: ASL202


async def other_list(pages, more):
    futures = [executor.submit(render, p) for p in pages]
    others = [executor.submit(render, p) for p in more]
    await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))
    return [f.result() for f in others]  # want: ASL202
