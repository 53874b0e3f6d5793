# redis.asyncio's Lock (redis/asyncio/lock.py) defines only __aenter__ and
# __aexit__; redis-py's synchronous Lock supports a plain `with`.
import redis
import redis.asyncio as aredis


async def job(url):
    r = aredis.Redis.from_url(url)
    with r.lock("jobs", timeout=10):  # want: ASL108 "supports only `async with`"
        await r.incr("done")
    lock = r.lock("other")
    with lock:  # want: ASL108 "redis.asyncio.lock.Lock"
        await r.incr("done")
    async with r.lock("jobs"):
        await r.incr("done")
    async with lock:
        await r.incr("done")


def sync_job(url):
    r = redis.Redis.from_url(url)
    with r.lock("jobs"):
        r.incr("done")


async def sync_client_in_coroutine(url):
    r = redis.Redis.from_url(url)
    with r.lock("jobs"):
        r.incr("done")
