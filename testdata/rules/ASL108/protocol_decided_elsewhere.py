# A plain `with` on a value the code in view does not decide supports only
# `async with`: a subclass may add `__enter__`, or the name may have two
# definitions of which the last is not the one that runs.
import contextlib
import sys


class Pool:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class ThreadedPool(Pool):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


if sys.version_info < (3, 7):
    class Lock:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False
else:
    class Lock:
        async def __aenter__(self):
            return self

        async def __aexit__(self, *exc):
            return False


if sys.version_info < (3, 7):
    @contextlib.contextmanager
    def session():
        yield 1
else:
    @contextlib.asynccontextmanager
    async def session():
        yield 1


def run(pool: Pool):
    with pool:  # quiet: may be a ThreadedPool
        pass
    with Pool():  # want: ASL108 "`Pool` defines `__aenter__` and no `__enter__`"
        pass
    with Lock():  # quiet: the first Lock runs before Python 3.7
        pass
    with session():  # quiet: the first session runs before Python 3.7
        pass


class Store:
    @contextlib.asynccontextmanager
    async def transaction(self):
        yield self

    @contextlib.asynccontextmanager
    async def snapshot(self):
        yield self

    def save(self):
        with self.transaction():  # quiet: MemoryStore.transaction is synchronous
            pass
        with self.snapshot():  # want: ASL108 "a call of an `@asynccontextmanager` generator"
            pass


class MemoryStore(Store):
    @contextlib.contextmanager
    def transaction(self):
        yield self


class Service:
    pool_class = Pool

    def start(self):
        with self.pool_class():  # quiet: a subclass may set a pool_class with __enter__
            pass
