# The synchronous protocol used where Python needs the asynchronous one, or
# the reverse: TypeError when the line runs.
import asyncio
import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor


@contextlib.contextmanager
def transaction(db):
    db.begin()
    yield db
    db.commit()


@contextlib.asynccontextmanager
async def session():
    yield 1


def numbers():
    yield 1


async def events():
    yield 1


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Rows:
    def __iter__(self):
        return iter([1])


class Feed:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


lock = threading.Lock()


async def mistakes(db):
    async with transaction(db) as tx:  # want: ASL111 "a call of an `@contextmanager` generator\) supports only a plain `with`: this `async with` raises TypeError"
        print(tx)
    async with lock:  # want: ASL111 "threading.Lock"
        pass
    async with Guard():  # want: ASL111 "`Guard` defines `__enter__` and no `__aenter__`"
        pass
    async with ThreadPoolExecutor() as pool:  # want: ASL111
        print(pool)
    async for n in numbers():  # want: ASL111 "generator function `numbers`\) is not an asynchronous iterable"
        print(n)
    async for n in range(3):  # want: ASL111
        print(n)
    async for n in [1, 2]:  # want: ASL111 "a list"
        print(n)
    async for r in Rows():  # want: ASL111
        print(r)
    for e in events():  # want: ASL111 "async generator function `events`\) is only an asynchronous iterable: this `for` raises TypeError"
        print(e)
    items = [e for e in events()]  # want: ASL111
    for f in Feed():  # want: ASL111
        print(f)
    return items


class Client:
    async def __init__(self, host):  # want: ASL111 "`async def __init__`: Python calls `__init__` synchronously, so every construction raises TypeError"
        self.host = host

    async def __exit__(self, *exc):  # want: ASL111 "every exception raised in the `with` body is swallowed"
        await asyncio.sleep(0)

    async def __eq__(self, other):  # want: ASL111
        return True

    async def __len__(self):  # want: ASL111
        return 0


class OldStream:
    async def __aiter__(self):  # want: ASL111 "`async def __aiter__` is a coroutine"
        return self


# Quiet: the protocol the object has, names shadowed, hierarchies not in view.
class Meta(type):
    pass


class AsyncInit(metaclass=Meta):
    async def __init__(self):
        await asyncio.sleep(0)


class Both:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    __aenter__ = None

    async def __aexit__(self, *exc):
        return False


class Stream:
    async def __aiter__(self):
        yield 1

    async def __anext__(self):
        return 1

    async def __getitem__(self, key):
        return key

    async def __call__(self):
        return 1


class Indexed:
    def __aiter__(self):
        return self

    def __getitem__(self, i):
        raise IndexError


class Remote(Exception):
    pass


def decorate(cls):
    return cls


@decorate
class Decorated:
    async def __init__(self):
        pass


async def fine(db, range):
    with transaction(db) as tx:
        print(tx)
    async with session() as s:
        print(s)
    with lock:
        pass
    async with Both():
        pass
    for n in numbers():
        print(n)
    async for e in events():
        print(e)
    items = [e async for e in events()]
    async for n in range(3):
        print(n)
    async for s in Stream():
        print(s)
    for i in Indexed():
        print(i)
    async with asyncio.Lock():
        pass
    return items


# Quiet: a template method whose subclass overrides the generator with the
# other kind.
class Source:
    def rows(self):
        yield 1

    async def pump(self):
        async for r in self.rows():
            print(r)


class AsyncSource(Source):
    async def rows(self):
        yield 2


class Plain:
    def rows(self):
        yield 1

    async def pump(self):
        async for r in self.rows():  # want: ASL111 "generator function `rows`"
            print(r)


# Quiet: a declaration, not an implementation (a typing.Protocol's stub).
class DeclaredSource:
    async def __aiter__(self):
        ...


class AbstractFeed:
    async def __aiter__(self):
        """Iterate the feed."""
        raise NotImplementedError
