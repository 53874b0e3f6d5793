# A database service whose context managers hand out SQLAlchemy asyncio
# sessions, used from the routers in another module.
from contextlib import asynccontextmanager, contextmanager
from typing import AsyncIterator

from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

engine = create_async_engine("sqlite+aiosqlite:///app.db")


class DBService:
    @asynccontextmanager
    async def get_session(self):
        async with AsyncSession(engine) as session:
            yield session

    @contextmanager
    def settings(self):
        yield {"echo": False}


db_service = DBService()


@asynccontextmanager
async def session_scope() -> AsyncIterator[AsyncSession]:
    async with AsyncSession(engine) as session:
        yield session


class Unit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    def refresh(self, obj):
        return obj
