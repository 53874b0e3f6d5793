# A name bound once to a call of an @asynccontextmanager generator has its
# protocol: `cm = transaction(db)` then `with cm:` raises TypeError, as
# `with transaction(db):` does.
import contextlib


@contextlib.asynccontextmanager
async def transaction(db):
    yield db


@contextlib.contextmanager
def sync_transaction(db):
    yield db


async def fires(db):
    cm = transaction(db)
    with cm:  # want: ASL108 "`cm` \(a call of an `@asynccontextmanager` generator\) supports only `async with`"
        pass


async def quiet(db, flag):
    cm = transaction(db)
    async with cm:
        pass
    scm = sync_transaction(db)
    with scm:
        pass
    other = transaction(db)
    if flag:
        other = sync_transaction(db)
    with other:
        pass
