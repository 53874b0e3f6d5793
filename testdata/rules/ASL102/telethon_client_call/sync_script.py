# Quiet: `import telethon.sync` syncifies UserMethods.__call__ with the
# public methods (telethon/sync.py: `if not name.startswith('_') or name ==
# '__call__'`), so the script's own raw requests run to completion.
import telethon.sync
from telethon import TelegramClient
from telethon.tl.functions.channels import GetParticipantsRequest

client = TelegramClient("session", 1, "hash")
client.start()
channel = client.get_entity("chan")
participants = client(GetParticipantsRequest(channel, None, 0, 100, hash=0))
print(participants.users)


def users_of(channel):
    return client(GetParticipantsRequest(channel, None, 0, 100, hash=0)).users
