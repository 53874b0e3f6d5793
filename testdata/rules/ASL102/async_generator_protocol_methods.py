# The asynchronous generator protocol's aclose(), asend() and athrow()
# return awaitables (PEP 525): left un-awaited, `aclose()` neither runs the
# generator's `finally` nor closes what its `async with` holds.
# asyncvarlink's server (corpus40) drives a method's async generator with
# `async for` and calls `generator.aclose()` on a send error, un-awaited.
import asyncio


class Server:
    async def call_more(self, method, params, send):
        generator = method(**params)  # type unknown: iterated by async for
        async for result in generator:
            try:
                await send(result)
            except OSError:
                generator.aclose()  # want: ASL102 "awaitable `generator.aclose\(\)` is never awaited: its result is discarded"
                return

    async def _stream(self, uri):
        async with asyncio.timeout(5):
            yield uri

    async def first(self, uri):
        stream = self._stream(uri)  # a call of the project's async generator
        item = await stream.__anext__()
        stream.aclose()  # want: ASL102 "awaitable `stream.aclose\(\)` is never awaited"
        return item


async def ticks():
    n = 0
    while True:
        n = yield n


async def drive():
    gen = ticks()
    await gen.asend(None)
    gen.asend(1)  # want: ASL102 "awaitable `gen.asend\(\)` is never awaited"
    gen.athrow(ValueError())  # want: ASL102 "awaitable `gen.athrow\(\)` is never awaited"
    await gen.aclose()


# Quiet: awaited; handed to the caller, who may await it; scheduled; a
# receiver of unknown type that no async for iterates (a sync class may
# have its own aclose); a plain for; a module that defines a synchronous
# aclose of its own; a synchronous caller; a plain generator's close().
async def fine(method, source, stream):
    generator = method()
    async for _ in generator:
        break
    await generator.aclose()
    stream.aclose()
    for _ in source:
        break
    source.aclose()


async def handed(method):
    generator = method()
    async for _ in generator:
        return generator.aclose()


async def scheduled(method):
    generator = method()
    async for _ in generator:
        break
    return asyncio.ensure_future(generator.aclose())


def synchronous(gen):
    gen.aclose()


def plain():
    yield 1


async def plain_close():
    g = plain()
    g.close()
