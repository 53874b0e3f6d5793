import asyncio
from asyncio import timeout as deadline

import trio


async def no_await(client):
    async with asyncio.timeout(5):  # want: ASYNC100 "`asyncio\.timeout\(\)` context contains no checkpoint"
        request = client.build_request()
    return await client.send(request)


async def aliased():
    async with deadline(1):  # want: ASYNC100
        print("nothing awaited")


async def timeout_at(loop):
    async with asyncio.timeout_at(loop.time() + 1):  # want: ASYNC100
        pass


async def nested_timeouts(x):
    async with asyncio.timeout(1):  # want: ASYNC100
        async with asyncio.timeout(2):  # want: ASYNC100
            x += 1


def trio_sync_with():
    with trio.move_on_after(1):  # want: ASYNC100
        compute()


# Quiet: the awaits are inside.
async def awaits(client):
    async with asyncio.timeout(5):
        return await client.send()


async def async_for(stream):
    async with asyncio.timeout(5):
        async for chunk in stream:
            print(chunk)


async def async_with_inside(lock):
    async with asyncio.timeout(5):
        async with lock:
            pass


async def only_async_comprehension(stream):
    # Better than the reference: an async comprehension is a checkpoint.
    async with asyncio.timeout(5):
        chunks = [c async for c in stream]
    return chunks


async def await_in_comprehension(urls):
    async with asyncio.timeout(5):
        pages = [await fetch(u) for u in urls]
    return pages


async def yields():
    async with asyncio.timeout(5):
        yield 1


async def outer_has_inner_await():
    async with asyncio.timeout(1):
        async with asyncio.timeout(2):
            await asyncio.sleep(1)


async def with_lock_item(lock):
    async with asyncio.timeout(1), lock:
        pass


async def not_a_timeout(lock):
    async with lock:
        pass


async def fetch(u):
    return u


def compute():
    pass
