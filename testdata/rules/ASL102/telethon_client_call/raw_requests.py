# Calling a TelegramClient instance sends a raw request through
# UserMethods.__call__, an `async def` (telethon/client/users.py): the
# result is a coroutine like any of the client's methods
# (amiryousefi/telegram-analysis, bench/realbugs61: "coroutine
# 'UserMethods.__call__' was never awaited" and `participants.users` on the
# coroutine object).
from telethon import TelegramClient
from telethon.tl.functions.channels import GetParticipantsRequest
from telethon.tl.types import ChannelParticipantsSearch

client = TelegramClient("session", 1, "hash")
client.start()

# A TL request's fields are data: its resolve() hands them to
# client.get_input_entity(), which takes a peer, an id or a name.
channel = client.get_entity("chan")  # want: ASL102 "passed to `GetParticipantsRequest.*which reads it as data"
offset = 0
while True:
    participants = client(GetParticipantsRequest(channel, ChannelParticipantsSearch(""), offset, 100, hash=0))  # want: ASL102 "it is stored in `participants` and its attribute `users` is read"
    if not participants.users:
        break
    offset += len(participants.users)


async def fetch(c: TelegramClient, request):
    c(request)  # want: ASL102 "its result is discarded"
    result = c(request)  # want: ASL102 "its attribute `users` is read"
    return result.users


async def members(c: TelegramClient, name):
    entity = c.get_entity(name)  # want: ASL102 "passed to `GetParticipantsRequest.*which reads it as data"
    return await c(GetParticipantsRequest(entity, ChannelParticipantsSearch(""), 0, 100, hash=0))


# Quiet: awaited, scheduled, or handed back from a sync function.
async def fetch_ok(c: TelegramClient, request):
    entity = await c.get_entity("chan")
    await c(GetParticipantsRequest(entity, ChannelParticipantsSearch(""), 0, 100, hash=0))
    result = await c(request)
    task = c.loop.create_task(c(request))
    return result.users, await task


def request_later(c: TelegramClient, request):
    return c(request)
