# A subclass of an async client whose every API method is a coroutine: its
# constructor's `super().__init__()` runs the base constructor (a special
# method, not an API call), while the API methods stay coroutines. The
# client is imported with its older package as the fallback of a failed
# import: the same API.
try:
    from redis import asyncio as aioredis
except ImportError:
    import aioredis


class FakeRedis(aioredis.Redis):
    def __init__(self, *, db=0, **kwargs):
        super().__init__(db=db, **kwargs)

    async def warm(self):
        self.ping()  # want: ASL102 "coroutine `self\.ping\(\)` is never awaited"
        await self.get("x")
