# aioredis 2.0 ported redis-py's asyncio client: Redis.close() is a coroutine
# function there. aioredis 1.x is another API under the same names: its
# close() is a plain method and `await redis.wait_closed()` waits; 2.0 removed
# the 1.x factories (create_redis, create_redis_pool, create_pool,
# create_connection). This module calls no 1.x factory: it runs 2.0.
import aioredis


class Cache:
    def __init__(self, url):
        self._redis: aioredis.Redis = aioredis.from_url(url)

    async def close(self):
        self._redis.close()  # want: ASL102 "coroutine `self\._redis\.close\(\)` is never awaited"

    async def close_properly(self):
        await self._redis.close()
