# Reduced shape of https://github.com/run-llama/llama_index/issues/18272
# (redis.asyncio: client.close() without await); not the project's code.
import redis.asyncio as redis


class ChatStore:
    def __init__(self, url):
        self._aredis = redis.Redis.from_url(url)

    async def aget_messages(self, key):
        return await self._aredis.lrange(key, 0, -1)

    async def aclose(self):
        await self._aredis.close()
