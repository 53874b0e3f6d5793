# Reduced shape of https://github.com/LonamiWebs/Telethon/issues/892
# (Telethon: client.send_message in a sync handler); not the project's code.
from telethon import TelegramClient, events

client = TelegramClient("session", 1, "hash")


@client.on(events.NewMessage(incoming=True))
def on_new(event):
    client.send_message(event.chat_id, "got it")
