import asyncio

from aiormq.base import Channel

gen_coro = asyncio.coroutine


class RenamedChannel(Channel):
    @gen_coro
    def declare(self):
        yield from asyncio.sleep(0)
