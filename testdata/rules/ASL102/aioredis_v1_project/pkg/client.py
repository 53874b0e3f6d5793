# Quiet: the module builds its client with aioredis 1.x's create_redis
# (removed in 2.0), so it runs 1.x, whose Redis.close() is a plain method
# (the coroutine is wait_closed()); no dependency file says which release.
from .compat import *


class InfluxClient:
    def __init__(self):
        self._redis: aioredis.Redis = None

    async def create_session(self, **opts):
        if aioredis:
            self._redis = await aioredis.create_redis(**opts)

    async def close(self):
        if self._redis:
            self._redis.close()
            await self._redis.wait_closed()

    async def flush(self):
        await self._redis.flushdb()

    async def reset(self):
        self.flush()  # want: ASL102 "coroutine `self\.flush\(\)` is never awaited"
