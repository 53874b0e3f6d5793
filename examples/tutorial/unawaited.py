"""Coroutines that are created and never run."""
import asyncio


async def save(record):
    await asyncio.sleep(0.1)


async def exists(key):
    await asyncio.sleep(0.1)
    return False


async def handler(record):
    save(record)  # does nothing: the coroutine is never awaited
    if not exists(record):  # a coroutine object is always true
        raise KeyError(record)
