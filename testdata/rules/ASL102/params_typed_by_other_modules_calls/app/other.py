# A function of its own named like funcs.dispatch, called with a nats
# client: not a call of funcs.dispatch.
from nats.aio.client import Client


async def dispatch(client):
    await client.publish("s", b"")


async def main(nc: Client):
    await dispatch(nc)
