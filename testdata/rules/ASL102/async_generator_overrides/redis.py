from manager import PubSubManager


class RedisManager(PubSubManager):
    def __init__(self, pubsub):
        self.pubsub = pubsub

    async def _listen(self):
        async for message in self.pubsub.listen():
            yield message["data"]

    async def _poll(self):
        return await self.pubsub.get_message()
