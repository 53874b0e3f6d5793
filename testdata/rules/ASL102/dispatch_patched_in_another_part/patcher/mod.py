from aiormq.base import Channel


class AsyncChannel(Channel):
    async def publish(self, body):
        return body

    async def close(self):
        return None


def _plain(self, body):
    return None


Channel.publish = _plain
