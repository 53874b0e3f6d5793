# Another module of the project that defines only a synchronous `aclose`
# (feed.py): a name of unknown type iterated by async for may be a Feed,
# quiet; a name bound to a call of the project's async generator function
# is an async generator object whatever the project's classes define.
async def lines(path):
    yield path


async def head(make, path):
    feed = make()
    async for _ in feed:
        break
    feed.aclose()
    gen = lines(path)
    first = await gen.__anext__()
    gen.aclose()  # want: ASL102 "awaitable `gen.aclose\(\)` is never awaited"
    return first
