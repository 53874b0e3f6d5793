from aiormq.base import FastChannel


class AsyncFastChannel(FastChannel):
    async def publish(self, body):
        return body
