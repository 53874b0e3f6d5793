# The project's requirements.txt pins ably 1.1.1, where a channel's publish()
# is a plain method: calling it from a synchronous function is right there.
import asyncio

from ably import AblyRest

client = AblyRest("app:key")


def notify(user, text):
    channel = client.channels.get(f"user:{user}")
    channel.publish("notice", text)


def other_library():
    asyncio.sleep(1)  # want: ASL102
