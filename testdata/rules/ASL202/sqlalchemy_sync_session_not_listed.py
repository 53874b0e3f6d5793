# SQLAlchemy's synchronous session and connection are deliberately not in
# pylib's blocking records: on the judged corpora their statements in
# coroutines were a design choice of mature projects (123 findings, all
# debatable; docs/precision.md, "A twenty-third held-out set of real bugs").
# This file pins that decision: nothing here is reported by default. A
# project can list them in `blocking-calls`.
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
        return self.db.scalar(select(Item))  # not reported by default (see the header)

    async def rename(self, item_id, name):
        item = self.db.get(Item, item_id)  # not reported by default (see the header)
        item.name = name
        self.db.commit()  # not reported by default (see the header)

    async def legacy(self, name):
        return self.db.query(Item).filter(Item.name == name).first()  # not reported by default (see the header)

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
        return db.execute(select(Item).where(Item.id == item_id)).scalars().all()  # not reported by default (see the header)
    finally:
        db.close()


async def raw_count():
    conn = engine.connect()  # not reported by default (see the header)
    return conn.execute(select(Item)).all()  # not reported by default (see the header)


async def async_session(session: AsyncSession, item_id):
    # Quiet: the asyncio extension's session, awaited.
    result = await session.execute(select(Item).where(Item.id == item_id))
    return result.scalars().all()


# A driver's own connection is still reported: the records name it.
import sqlite3  # noqa: E402


async def raw_driver(conn: sqlite3.Connection):
    return conn.execute("select 1")  # want: ASL202
