# ably-python 1.2.0 made the REST client asynchronous: a channel's publish(),
# history() and status() are coroutine functions, so a bare call sends
# nothing. `channels.get(name)` is a plain method that gives the channel; the
# realtime client's channels are subclasses with attach/detach/subscribe.
import asyncio

from ably import AblyRealtime, AblyRest

_client = None


def _get_client():
    global _client
    if _client is None:
        _client = AblyRest(key="app:key")
    return _client


def publish_status(job_id, payload):
    channel = _get_client().channels.get(f"jobs:{job_id}")
    channel.publish("status", payload)  # want: ASL102 "coroutine `channel\.publish\(\)` is never awaited"


def publish_status_run(job_id, payload):
    channel = _get_client().channels.get(f"jobs:{job_id}")
    asyncio.run(channel.publish("status", payload))


async def history(job_id):
    async with AblyRest("app:key") as ably:
        channel = ably.channels.get(job_id)
        channel.history()  # want: ASL102
        page = await channel.history()
        await ably.close()
        return page


async def listen(key, on_message):
    client = AblyRealtime(key=key)
    channel = client.channels.get("events")
    channel.attach()  # want: ASL102
    await channel.subscribe("update", on_message)
    await channel.publish("hello", {"ok": True})
    client.close()  # want: ASL102


def collection_plain_methods():
    client = AblyRest("app:key")
    channel = client.channels.get("x")
    client.channels.release("x")
    return channel.name
