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

offset = 0
while True:
    participants = client(GetParticipantsRequest("chan", ChannelParticipantsSearch(""), offset, 100, hash=0))  # want: ASL102 "it is stored in `participants` and its attribute `users` is read"
    if not participants.users:
        break
    offset += len(participants.users)


async def fetch(c: TelegramClient, request):
    c(request)  # want: ASL102 "its result is discarded"
    result = c(request)  # want: ASL102 "its attribute `users` is read"
    return result.users


# Quiet: awaited, scheduled, or handed back from a sync function.
async def fetch_ok(c: TelegramClient, request):
    result = await c(request)
    task = c.loop.create_task(c(request))
    return result.users, await task


def request_later(c: TelegramClient, request):
    return c(request)
