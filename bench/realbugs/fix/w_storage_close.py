# Reduced shape of https://github.com/aiogram/aiogram/pull/676
# (redis.asyncio: close() of a client kept in self._redis); not the project's code.
from redis.asyncio import Redis


class RedisStorage:
    def __init__(self, host="localhost"):
        self._redis = Redis(host=host)

    async def close(self):
        if self._redis:
            await self._redis.close()

    async def wait_closed(self):
        return True
