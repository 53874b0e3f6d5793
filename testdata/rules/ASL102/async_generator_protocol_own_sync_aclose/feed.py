# A module that defines a synchronous `aclose` of its own: an object of
# unknown type that an async for iterates may be this class's, whose
# aclose() needs no await. Quiet.
class Feed:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration

    def aclose(self):
        self.closed = True


async def drain(make):
    feed = make()
    async for _ in feed:
        break
    feed.aclose()
