import asyncio
import time


async def save(record):
    await asyncio.sleep(0)


def load(uid):
    return asyncio.run(fetch(uid))


async def fetch(uid):
    await asyncio.sleep(0.1)
    return uid


async def handler(record):
    time.sleep(0.5)
    save(record)
    return load(record)


async def version():
    return "1.0"
