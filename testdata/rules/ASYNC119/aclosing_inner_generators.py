import logging
from contextlib import aclosing, asynccontextmanager

log = logging.getLogger(__name__)


async def rows(conn):
    async with conn.cursor() as cur:
        async for row in cur:
            yield row  # want: ASYNC119


async def numbered(conn):
    # Quiet: aclosing() of an inner async generator, as this rule advises;
    # what it closes late is rows()'s cleanup, reported in rows().
    async with aclosing(rows(conn)) as inner:
        async for row in inner:
            yield row


@asynccontextmanager
async def closing_copy(thing):
    "contextlib.aclosing for Python < 3.10."
    try:
        yield thing
    finally:
        await thing.aclose()


async def numbered_with_copy(conn):
    # Quiet: the project's copy of aclosing does the same.
    async with closing_copy(rows(conn)) as inner:
        async for row in inner:
            yield row


class Source:
    async def items(self):
        for i in range(3):
            yield i


class Merged:
    def __init__(self, sources):
        self.sources = sources

    async def items(self):
        # Quiet: every `items` of the module is an async generator.
        for source in self.sources:
            async with aclosing(source.items()) as inner:
                async for item in inner:
                    yield item


async def relay(open_stream):
    # Fires: aclosing() of a stream, not of a generator: the stream is
    # closed late.
    async with aclosing(open_stream()) as stream:
        async for chunk in stream:
            yield chunk  # want: ASYNC119


async def relay_given(conn):
    # Fires: an object given by the caller, of unknown kind.
    async with aclosing(conn) as c:
        async for chunk in c:
            yield chunk  # want: ASYNC119


@asynccontextmanager
async def closing_and_logging(thing):
    try:
        yield thing
    finally:
        await thing.aclose()
        log.info("closed")


async def numbered_logged(conn):
    # Fires: the project's context manager does more than close.
    async with closing_and_logging(rows(conn)) as inner:
        async for row in inner:
            yield row  # want: ASYNC119


class Plain:
    async def fetch(self):
        return 1


class Generating:
    async def fetch(self):
        yield 1


async def fetch_all(x):
    # Fires: `fetch` is also a plain coroutine method of the module.
    async with aclosing(x.fetch()) as it:
        async for value in it:
            yield value  # want: ASYNC119
