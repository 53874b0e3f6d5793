# A generator dependency defined in one module and handed to FastAPI in
# another (`Depends(get_db_session)` in the routes, tenebrinet's
# core/database.py on corpus34): FastAPI enters each generator the function
# makes in the request's AsyncExitStack and closes it when the request ends,
# so the `async with` exits then, not at garbage collection: quiet. A
# generator that the other module only iterates (`async for`) is still
# reported.
from sqlalchemy.ext.asyncio import async_sessionmaker

SessionLocal = async_sessionmaker()

# Names in __all__ are strings: exporting a generator function hands it to nobody.
__all__ = ["get_db_session", "stream_rows", "watch_rows", "tail_rows"]


async def get_db_session():
    async with SessionLocal() as session:
        try:
            yield session
        finally:
            await session.close()


async def get_admin_session():
    async with SessionLocal() as session:
        yield session


async def stream_rows(query):
    async with SessionLocal() as session:
        result = await session.stream(query)
        async for row in result:
            yield row  # want: ASYNC119


# Named by another module, but handed to nobody there: the routes only keep
# it under a shorter name and iterate it themselves, and the health check
# reads its name. Nothing manages its generators.
async def watch_rows(query):
    async with SessionLocal() as session:
        result = await session.stream(query)
        async for row in result:
            yield row  # want: ASYNC119


# The same in this module: an old name kept for callers who iterate it.
async def tail_rows(query):
    async with SessionLocal() as session:
        result = await session.stream(query)
        async for row in result:
            yield row  # want: ASYNC119


follow_rows = tail_rows
