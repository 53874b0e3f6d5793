# Raising a new asyncio CancelledError inside the handler of the caught one
# keeps the cancellation: asyncio's Task takes any CancelledError leaving its
# coroutine as its cancellation (amqtt's pub/sub scripts:
# `raise asyncio.CancelledError from ce`).
import asyncio
from asyncio import CancelledError
from asyncio import exceptions


async def publish(client, topic, message):
    try:
        await client.publish(topic, message)
    except asyncio.CancelledError as ce:
        print("Publish canceled due to previous error")
        raise asyncio.CancelledError from ce  # quiet: still a cancellation


async def subscribe(client, topic):
    try:
        await client.subscribe(topic)
    except CancelledError:
        raise CancelledError("subscription cancelled")  # quiet: a new cancellation, with a message


async def deliver(client):
    try:
        await client.deliver()
    except BaseException as e:
        raise exceptions.CancelledError() from e  # quiet: a cancellation for whatever was caught


# Raising anything else still replaces the cancellation.
async def connect(client):
    try:
        await client.connect()
    except asyncio.CancelledError as e:
        raise ConnectionError("cancelled") from e  # want: ASYNC104


async def connect_timeout(client):
    try:
        await client.connect()
    except asyncio.CancelledError as e:
        raise asyncio.TimeoutError() from e  # want: ASYNC104


# A new asyncio CancelledError stands for asyncio's cancellation only: in a
# handler of trio's (or anyio's, trio's class under the trio backend) it is a
# different exception.
import anyio
import trio


async def relay(client):
    try:
        await client.relay()
    except trio.Cancelled as e:
        raise asyncio.CancelledError() from e  # want: ASYNC104


async def relay_anyio(client):
    try:
        await client.relay()
    except (ValueError, anyio.get_cancelled_exc_class()):
        raise CancelledError  # want: ASYNC104
