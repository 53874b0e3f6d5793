# asgiref's sync_to_async(f) (and channels' database_sync_to_async(f)) is an
# async callable: calling it at once makes a coroutine, which without await
# never runs f.
import redis
from asgiref.sync import SyncToAsync, sync_to_async
from channels.db import database_sync_to_async

r = redis.Redis()


def close_old_connections():
    pass


async def destroy_session(key):
    sync_to_async(r.hdel)(key)  # want: ASL102


async def disconnect():
    database_sync_to_async(close_old_connections)()  # want: ASL102


async def through_a_name(key):
    delete = sync_to_async(r.delete)
    delete(key)  # want: ASL102


async def the_class(key):
    SyncToAsync(r.delete)(key)  # want: ASL102


def from_sync_code(key):
    sync_to_async(r.delete, thread_sensitive=False)(key)  # want: ASL102


# Quiet: awaited, gathered, or not called (a decorator built from options
# only, an async callable kept for later).
async def quiet(key):
    await sync_to_async(r.hdel)(key)
    value = await sync_to_async(r.get, thread_sensitive=True)(key)
    await asyncio_gather(key)
    wrapped = sync_to_async(thread_sensitive=False)(close_old_connections)
    await wrapped()
    return value


async def asyncio_gather(key):
    import asyncio

    await asyncio.gather(sync_to_async(r.get)(key), database_sync_to_async(close_old_connections)())


def keep_for_later():
    return sync_to_async(r.get)
