# The object's protocol is not decided by the definition in view: a
# subclass may add the asynchronous one to a value annotated as its base, or
# the name may have two definitions of which the last is not the one that
# runs. (Patched protocols: protocol_patched.py.)
import contextlib
import sys


class Conn:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class AsyncConn(Conn):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class Rows:
    def __iter__(self):
        return iter(())


class StreamedRows(Rows):
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class Events:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


class BufferedEvents(Events):
    def __getitem__(self, i):
        raise IndexError(i)


if sys.version_info >= (3, 7):
    class Lock:
        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False
else:
    class Lock:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False


if sys.version_info >= (3, 7):
    @contextlib.asynccontextmanager
    async def session():
        yield 1
else:
    @contextlib.contextmanager
    def session():
        yield 1


if sys.version_info >= (3, 6):
    async def ticks():
        yield 1
else:
    def ticks():
        yield 1


async def handler(conn: Conn, rows: Rows, events: Events):
    async with conn:  # quiet: may be an AsyncConn
        pass
    async for row in rows:  # quiet: may be a StreamedRows
        print(row)
    async with Conn():  # want: ASL111 "`Conn` defines `__enter__` and no `__aenter__`"
        pass
    plain = Conn()
    async with plain:  # want: ASL111
        pass
    async for row in Rows():  # want: ASL111 "`Rows` defines `__iter__` and no `__aiter__`"
        print(row)
    async with Lock():  # quiet: the first Lock runs on Python 3.7+
        pass
    async with session():  # quiet: the first session runs on Python 3.7+
        pass
    async for tick in ticks():  # quiet: the first ticks runs on Python 3.6+
        print(tick)


def consume(events: Events):
    for event in events:  # quiet: may be a BufferedEvents (__getitem__)
        print(event)
    for event in Events():  # want: ASL111 "`Events` defines `__aiter__` and no `__iter__`"
        print(event)


class Source:
    def __new__(cls, url):
        if url.startswith("ws"):
            return StreamedRows()
        return super().__new__(cls)

    def __iter__(self):
        return iter(())


async def read(url):
    async for row in Source(url):  # quiet: __new__ may return a StreamedRows
        print(row)


class Job:
    def items(self):
        yield from ()

    def lines(self):
        yield ""

    @contextlib.contextmanager
    def session(self):
        yield self

    async def run(self):
        async for item in self.items():  # quiet: StreamingJob.items is an async generator
            print(item)
        async with self.session():  # quiet: StreamingJob.session is asynchronous
            pass
        async for line in self.lines():  # want: ASL111 "a call of the generator function `lines`"
            print(line)


class StreamingJob(Job):
    async def items(self):
        yield 1

    @contextlib.asynccontextmanager
    async def session(self):
        yield self


class Feed:
    async def events(self):
        yield 1

    def consume(self):
        for event in self.events():  # quiet: ReplayFeed.events is a plain generator
            print(event)


class ReplayFeed(Feed):
    def events(self):
        yield 2


def plain_rows():
    yield 1


class Client:
    connection_class = Conn
    rows = plain_rows

    async def request(self):
        async with self.connection_class():  # quiet: AsyncClient sets connection_class = AsyncConn
            pass
        async for row in self.rows():  # quiet: a subclass may set another rows
            print(row)


class AsyncClient(Client):
    connection_class = AsyncConn
