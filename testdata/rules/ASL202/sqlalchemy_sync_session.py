# SQLAlchemy's synchronous session and connection: each statement runs on
# the driver's socket (psycopg2, pymysql) and blocks the event loop for the
# database round trip. Building statements, adding objects, the asyncio
# extension's AsyncSession awaited, and the sync session handed to a thread
# are fine.
import asyncio

from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql+psycopg2://localhost/app")
SessionLocal = sessionmaker(bind=engine)


class Item:
    id = 0
    name = ""


class ItemSource:
    def __init__(self, db: Session):
        self.db = db

    async def count(self):
        return self.db.scalar(select(Item))  # want: ASL202 "\(sqlalchemy\.orm\.Session\.scalar\) blocks the event loop in async function `count`"

    async def rename(self, item_id, name):
        item = self.db.get(Item, item_id)  # want: ASL202 "Session\.get"
        item.name = name
        self.db.commit()  # want: ASL202 "Session\.commit"

    async def legacy(self, name):
        return self.db.query(Item).filter(Item.name == name).first()  # want: ASL202 "sqlalchemy\.orm\.Query\.first"

    async def add(self, item):
        # Quiet: add() only puts the object in the session.
        self.db.add(item)
        # Quiet: building a query runs nothing.
        return self.db.query(Item).filter(Item.name == item.name)

    async def count_in_thread(self):
        # Quiet: handed to a thread.
        return await asyncio.to_thread(self.db.scalar, select(Item))

    def count_sync(self):
        # Quiet: synchronous code may block.
        return self.db.scalar(select(Item))


async def handler(item_id):
    db = SessionLocal()
    try:
        return db.execute(select(Item).where(Item.id == item_id)).scalars().all()  # want: ASL202 "Session\.execute"
    finally:
        db.close()


async def raw_count():
    conn = engine.connect()  # want: ASL202 "Engine\.connect"
    return conn.execute(select(Item)).all()  # want: ASL202 "Connection\.execute"


async def async_session(session: AsyncSession, item_id):
    # Quiet: the asyncio extension's session, awaited.
    result = await session.execute(select(Item).where(Item.id == item_id))
    return result.scalars().all()
