# redis.asyncio's PubSub and Lock: the client's pubsub() and lock() are
# plain methods, but the objects they return talk to the server through
# coroutines (subscribe, get_message, unsubscribe, acquire, release...).
import redis
import redis.asyncio as aredis
from redis.asyncio import Redis


class Bus:
    def __init__(self, url: str):
        self.redis = Redis.from_url(url)
        self.pubsub = self.redis.pubsub()

    async def start(self, channel):
        self.pubsub.subscribe(channel)  # want: ASL102 "self.pubsub.subscribe()"
        await self.pubsub.psubscribe("events.*")

    async def poll(self):
        msg = self.pubsub.get_message(ignore_subscribe_messages=True)  # want: ASL102 "subscripted"
        return msg["data"]

    async def poll_right(self):
        msg = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
        return msg["data"] if msg else None

    async def listen(self):
        async for message in self.pubsub.listen():
            yield message

    async def stop(self, channel):
        self.pubsub.unsubscribe(channel)  # want: ASL102 "self.pubsub.unsubscribe()"
        await self.pubsub.aclose()


async def fan_out(url):
    r = aredis.from_url(url)
    ps = r.pubsub()
    await ps.subscribe("room")
    ps.ping()  # want: ASL102
    lock = r.lock("jobs", timeout=10)
    if lock.acquire(blocking=False):  # want: ASL102 "condition"
        lock.release()  # want: ASL102
    got = await lock.acquire(blocking=False)
    if got:
        await lock.release()
    async with r.lock("jobs"):
        pass


def sync_client(url):
    # redis-py's synchronous client: plain methods, nothing to await.
    r = redis.Redis.from_url(url)
    ps = r.pubsub()
    ps.subscribe("room")
    msg = ps.get_message()
    lock = r.lock("jobs")
    if lock.acquire(blocking=False):
        lock.release()
    return msg


async def sync_client_in_coroutine(url):
    r = redis.Redis.from_url(url)
    ps = r.pubsub()
    ps.subscribe("room")
    return ps.get_message()
