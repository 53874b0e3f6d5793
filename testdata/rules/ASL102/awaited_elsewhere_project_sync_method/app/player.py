# The receiver's type is unknown (a plugin looked up by name, not imported),
# and the same coroutine awaits another call of the same callee. Another
# module of the project defines that name only as a synchronous method, so
# the awaited value may be an awaitable started at the call (a Future, a
# Twisted Deferred): dropping it is no missing await.


class Player:
    def __init__(self, host):
        self._c = host.plugins["commands"]

    async def discover(self, node):
        result = await self._c.do(node)
        if result:
            self._c.do(node, action="cancel")  # quiet: Commands.do is a synchronous method returning a Future
        return result

    async def reload(self):
        await self._c.refresh()
        self._c.refresh()  # want: ASL102 "coroutine `self\._c\.refresh\(\)` is never awaited"

    async def fetch_all(self):
        first = await self._c.fetch()
        self._c.fetch()  # want: ASL102 "coroutine `self\._c\.fetch\(\)` is never awaited"
        return first
