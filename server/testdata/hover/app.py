import asyncio
import time


async def save(record):
    await asyncio.sleep(0.1)
    time.sleep(0.5)


async def handler(record):
    save(record)
    await save(record)


async def twice():
    await asyncio.sleep(0)
    await asyncio.sleep(0)


def plain():
    return 1


async def caller():
    await twice()
    return plain()


def load(path=None):
    if isinstance(path, str):
        time.sleep(1)
    return path


async def quiet_helper():
    return load()


async def blocking_helper():
    return load("x")


async def both():
    await quiet_helper()
    await blocking_helper()
