import asyncio

from aiormq.base import Channel


class LegacyChannel(Channel):
    # A plain method: dispatching recover does not always make an awaitable.
    def recover(self):
        return None


async def run(channel: Channel):
    # Quiet: LegacyChannel.recover is synchronous.
    channel.recover()
