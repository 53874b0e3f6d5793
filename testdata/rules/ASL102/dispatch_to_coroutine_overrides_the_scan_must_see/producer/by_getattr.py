import asyncio

from aiormq.base import Channel


class GetattrChannel(Channel):
    @getattr(asyncio, "coroutine")
    def consume(self):
        yield from asyncio.sleep(0)
