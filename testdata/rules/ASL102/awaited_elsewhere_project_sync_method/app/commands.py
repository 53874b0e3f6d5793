import asyncio


class Commands:
    # A synchronous method that returns an awaitable whose work starts at
    # the call (a Future here; a Twisted Deferred in the real plugin): the
    # caller may await it or let it run.
    def do(self, node, action="execute"):
        fut = asyncio.get_running_loop().create_future()
        fut.set_result((node, action))
        return fut

    def refresh(self):
        return asyncio.sleep(0)


class Cache:
    # The same name as a coroutine method elsewhere in the project: a call
    # of `x.refresh()` on an unknown receiver may be this one.
    async def refresh(self):
        await asyncio.sleep(0)
