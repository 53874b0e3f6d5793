# What an await of another module's coroutine function gives is what that
# function returns: its methods are known here.
from app.clients import make_store, make_sync_store, open_session


async def run():
    session = await open_session()
    session.close()  # want: ASL102 "coroutine `session.close\(\)` is never awaited"
    store = await make_store()
    store.fetch("k")  # want: ASL102 "coroutine `store.fetch\(\)` is never awaited"
    # Quiet: awaited, a synchronous method, and a store a plain function made.
    await store.fetch("k")
    store.cached("k")
    await session.close()
    other = make_sync_store()
    await other.fetch("k")
    return store
