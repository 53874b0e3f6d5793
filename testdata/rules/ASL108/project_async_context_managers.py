# The project's own asynchronous context managers in a plain `with`.
import contextlib


@contextlib.asynccontextmanager
async def connection(url):
    yield url


class Pool:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class Dual(Pool):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


async def handler(url):
    with connection(url) as conn:  # want: ASL108 "a call of an `@asynccontextmanager` generator\) supports only `async with`"
        print(conn)
    with Pool():  # want: ASL108 "`Pool` defines `__aenter__` and no `__enter__`"
        pass
    pool = Pool()
    with pool:  # want: ASL108
        pass
    with Dual():
        pass
    async with connection(url) as conn:
        print(conn)
