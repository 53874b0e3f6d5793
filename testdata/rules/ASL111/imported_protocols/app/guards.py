# Context managers and iterables of the project, used from other modules.
import contextlib
import threading

import sqlalchemy.orm


@contextlib.contextmanager
def system_scope(reason):
    yield reason


@contextlib.asynccontextmanager
async def session_scope(reason):
    yield reason


class Harvest:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class DualGuard(Harvest):
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


class OrmSession(sqlalchemy.orm.Session):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Rows:
    def __iter__(self):
        return iter([1])


def numbers():
    yield 1


async def events():
    yield 1


lock = threading.Lock()
