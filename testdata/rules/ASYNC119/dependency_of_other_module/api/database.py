# A generator dependency defined in one module and handed to FastAPI in
# another (`Depends(get_db_session)` in the routes, tenebrinet's
# core/database.py on corpus34): FastAPI enters each generator the function
# makes in the request's AsyncExitStack and closes it when the request ends,
# so the `async with` exits then, not at garbage collection: quiet. A
# generator that the other module only iterates (`async for`) is still
# reported.
from sqlalchemy.ext.asyncio import async_sessionmaker

SessionLocal = async_sessionmaker()


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
