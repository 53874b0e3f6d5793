from aiormq.base import Channel


class AsyncChannel(Channel):
    async def publish(self, body):
        return body


async def send(channel: Channel):
    # Quiet: a subclass of Channel in another package overrides publish
    # with a synchronous method.
    channel.publish(b"x")
