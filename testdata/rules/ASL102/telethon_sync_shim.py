# `import telethon.sync` rewrites TelegramClient's coroutine methods into
# wrappers that run them to completion when no loop is running (telethon/
# sync.py): the script's module-level calls are synchronous, while a call in
# async code still returns a coroutine (gentoo-root/telegram-tracker's fix,
# bench/realbugs60).
import sys

from telethon import TelegramClient

import telethon.sync

client = TelegramClient("tracker", 1, "hash")
client.start()

# Quiet: synchronous calls in the script's own code.
contact = client.get_entity(sys.argv[1])
print(contact.status)
me = client.get_me()
print(me.first_name)
client.send_message("me", "started")


def poll():
    return client.get_entity(sys.argv[1]).status


async def handler(event):
    sender = client.get_entity(event.sender_id)  # want: ASL102 "it is stored in `sender` and its attribute `first_name` is read"
    print(sender.first_name)
    message = await client.get_messages("me", limit=1)
    print(message)
