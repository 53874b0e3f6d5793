import contextlib
from contextlib import asynccontextmanager


async def rows(pool):
    async with pool.acquire() as conn:
        async for row in conn.cursor("SELECT 1"):
            yield row  # want: ASYNC119 "`yield` inside a `with` block of async generator `rows`"


async def lines(path):
    with open(path) as f:
        for line in f:
            yield line  # want: ASYNC119


# Quiet
@asynccontextmanager
async def connection(pool):
    async with pool.acquire() as conn:
        yield conn


@contextlib.asynccontextmanager
async def connection2(pool):
    async with pool.acquire() as conn:
        yield conn


async def after_with(pool):
    async with pool.acquire() as conn:
        rows = await conn.fetch("SELECT 1")
    for row in rows:
        yield row


def sync_gen(path):
    with open(path) as f:
        yield from f
