# A module-level instance of a library class, imported by other modules:
# calling it (its __call__) gives an AsyncSession, as in this module.
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

engine = create_async_engine("sqlite+aiosqlite://")
async_session = async_sessionmaker(engine, expire_on_commit=False)
# PEP 8 would make this CapWords name a class; it is a sessionmaker too.
AsyncSessionLocal = async_sessionmaker(engine)
