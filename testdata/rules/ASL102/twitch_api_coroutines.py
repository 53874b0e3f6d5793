# pyTwitchAPI 3+ (bench/realbugs91 ha_twitch_helix): the client is
# awaited into being, its single-object endpoints are coroutines, its list
# endpoints async generators whose first item twitchAPI.helper.first takes.
# A coroutine handed to first() is never awaited; so is one not awaited at
# all. The list endpoints handed to first(), and awaited coroutines, are
# fine (the second half: pyTwitchAPI used as documented).
from twitchAPI.chat import Chat
from twitchAPI.helper import first
from twitchAPI.twitch import Twitch


async def subscribed(app_id, secret, broadcaster, user):
    twitch = await Twitch(app_id, secret)
    sub = await first(twitch.check_user_subscription(broadcaster_id=broadcaster, user_id=user))  # want: ASL102
    return sub is not None


async def subscribed_unawaited(app_id, secret, broadcaster, user):
    twitch = await Twitch(app_id, secret)
    sub = twitch.check_user_subscription(broadcaster_id=broadcaster, user_id=user)  # want: ASL102
    return sub.is_gift


class Sensor:
    def __init__(self, channel, client):
        self._channel = channel
        self._client = client

    async def async_update(self, user_id):
        user = await first(self._client.get_users(logins=[self._channel]))
        try:
            sub = await first(self._client.check_user_subscription(broadcaster_id=user.id, user_id=user_id))  # want: ASL102
        except Exception:
            sub = None
        return sub


async def setup(app_id, secret, channels):
    client = await Twitch(app_id, secret)
    return [Sensor(channel, client) for channel in channels]


async def greet(twitch, room):
    chat = await Chat(twitch)
    await chat.join_room(room)
    chat.send_message(room, "hello")  # want: ASL102


# Used as documented: quiet.

async def subscribed_ok(app_id, secret, broadcaster, user):
    twitch = await Twitch(app_id, secret)
    me = await first(twitch.get_users())
    stream = await first(twitch.get_streams(user_id=[broadcaster]))
    sub = await twitch.check_user_subscription(broadcaster_id=broadcaster, user_id=me.id)
    return stream, sub


class QuietSensor:
    def __init__(self, channel, client):
        self._channel = channel
        self._client = client

    async def async_update(self, user_id):
        user = await first(self._client.get_users(logins=[self._channel]))
        return await self._client.check_user_subscription(broadcaster_id=user.id, user_id=user_id)


async def setup_ok(app_id, secret, channels):
    client = await Twitch(app_id, secret)
    return [QuietSensor(channel, client) for channel in channels]


async def greet_ok(twitch, room):
    chat = await Chat(twitch)
    await chat.join_room(room)
    await chat.send_message(room, "hello")
    await twitch.close()
