import asyncio

from aiormq.base import Channel


class CommentedChannel(Channel):
    @asyncio.coroutine
    # (before Python 3.5 this was def queue_bind)
    def bind(self):
        yield from asyncio.sleep(0)

    @asyncio.coroutine
    def recover(self):
        yield from asyncio.sleep(0)
