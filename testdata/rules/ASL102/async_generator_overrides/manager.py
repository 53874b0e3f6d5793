# socketio's pub/sub managers: the base declares `async def _listen` and
# only raises NotImplementedError; each backend (another module) overrides
# it with an async generator, which `async for` iterates. A method that
# the backends override with coroutines is still reported when iterated.


class PubSubManager:
    async def _listen(self):
        raise NotImplementedError("a subclass implements it")

    async def _poll(self):
        raise NotImplementedError("a subclass implements it")

    async def _thread(self, handle):
        async for message in self._listen():  # quiet: redis.RedisManager's _listen is an async generator
            await handle(message)

    async def _poll_loop(self, handle):
        async for message in self._poll():  # want: ASL102 "iterated with `async for`"
            await handle(message)
