import asyncio

from aiormq.base import Channel


class ParenthesisedChannel(Channel):
    @(asyncio.coroutine)
    def publish(self, body):
        yield from asyncio.sleep(0)
