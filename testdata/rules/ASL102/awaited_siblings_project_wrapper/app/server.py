# The awaited `send()` and `recv()` are coroutine methods of the websockets
# connections, whose `close()` is one too; but a class this module imports
# has them beside a synchronous `close()`, and `chan` may be one of its
# instances.
from app import transport


async def session_loop(chan):
    await chan.send("hi")
    while await chan.recv():
        pass
    chan.close()


def make():
    return transport.Channel()


# Fires: no class of the module or of its imports has a synchronous
# `rollback()` beside the awaited methods (SQLAlchemy's AsyncSession).
async def save(db, record):
    try:
        await db.execute(record)
        await db.commit()
    except Exception:
        db.rollback()  # want: ASL102 "coroutine `db.rollback\(\)` is never awaited"
        raise
