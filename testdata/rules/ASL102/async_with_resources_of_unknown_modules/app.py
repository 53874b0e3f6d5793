# Names bound by `async with` to objects of a module not in the run (the
# engine and the session factory come from `database`, which is not here):
# an async database resource's I/O methods return coroutines.
from database import engine, get_session
from models import Base, Recruiter


async def create_all():
    async with engine.connect() as conn:
        conn.run_sync(Base.metadata.create_all)  # want: ASL102


async def create_recruiter(recruiter: Recruiter):
    async with get_session() as session:
        session.add(recruiter)
        await session.commit()
        session.refresh(recruiter)  # want: ASL102
        return recruiter


async def count(name):
    async with get_session() as session:
        rows = session.scalars(name)  # want: ASL102 "its method `all\(\)` is called on the coroutine object"
        return len(rows.all())


# Quiet: awaited; a generic name (get, add, close); returned (the caller may
# await the result twice: asyncmy's buffered cursor returns a done future);
# a plain with; outside a coroutine.
async def fine(name):
    async with get_session() as session:
        await session.execute(name)
        session.add(name)
        session.get("key")
        session.close()
    async with engine.connect() as conn:
        return conn.fetchall()


def plain(name):
    with get_session() as session:
        session.execute(name)
