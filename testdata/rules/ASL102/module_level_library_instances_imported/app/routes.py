from . import db
from .db import async_session


async def create_item(item):
    session = async_session()
    session.add(item)
    session.commit()  # want: ASL102 "coroutine `session.commit\(\)` is never awaited: its result is discarded"
    await session.close()


async def delete_item(item):
    s = db.async_session()
    s.delete(item)  # want: ASL102 "coroutine `s.delete\(\)` is never awaited: its result is discarded"
    await s.commit()


# Quiet: awaited.
async def update_item(item):
    session = async_session()
    session.add(item)
    await session.commit()
    await session.close()



async def rename_item(item, name):
    async with db.AsyncSessionLocal() as session:
        item.name = name
        session.commit()  # want: ASL102 "coroutine `session.commit\(\)` is never awaited: its result is discarded"


async def archive_item(item):
    from .db import AsyncSessionLocal

    session = AsyncSessionLocal()
    session.add(item)
    session.flush()  # want: ASL102 "coroutine `session.flush\(\)` is never awaited: its result is discarded"
    await session.close()


# Quiet: the sessionmaker's own synchronous method.
def configure(engine):
    db.AsyncSessionLocal.configure(bind=engine)
