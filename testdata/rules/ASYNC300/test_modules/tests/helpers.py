# A module of the tests/ directory: test code too.
import asyncio


async def feed_later(stream):
    await asyncio.sleep(0.01)
    stream.feed_eof()


async def check_later(stream):
    await asyncio.sleep(0.01)
    assert stream is not None
