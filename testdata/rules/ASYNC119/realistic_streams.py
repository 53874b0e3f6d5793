import asyncio
import contextlib
from contextlib import asynccontextmanager


async def read_rows(pool, query: str):
    async with pool.acquire() as conn:
        async for row in conn.cursor(query):
            yield row  # want: ASYNC119


async def lines(path: str):
    with open(path) as fh:
        for line in fh:
            yield line  # want: ASYNC119


async def lock_held(lock: asyncio.Lock, items):
    async with lock:
        for item in items:
            yield item  # want: ASYNC119


@asynccontextmanager
async def connection(pool):
    # Quiet: a context manager's yield is the point.
    async with pool.acquire() as conn:
        yield conn


@contextlib.asynccontextmanager
async def transaction(conn):
    async with conn.transaction():
        yield conn


async def batched(source, size: int):
    # Quiet: no context manager open at the yield.
    batch = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def sync_gen(path):
    # Quiet: not an async generator.
    with open(path) as fh:
        yield from fh
