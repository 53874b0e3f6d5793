from . import locks
from .locks import alock, either, tlock


async def save(db):
    with tlock:  # want: ASL107 "synchronous lock `tlock` is held across an `await`"
        await db.commit()
    with locks.tlock:  # want: ASL107
        await db.commit()
    async with alock:
        await db.commit()
    with either:
        await db.commit()
    with tlock:
        db.flush()
