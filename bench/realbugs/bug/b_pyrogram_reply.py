# Reduced shape of https://github.com/EDM115/unzip-bot/issues/24
# (pyrogram: reply on a message that an awaited send returned); not the project's code.
from pyrogram import Client, filters

app = Client("bot")


@app.on_message(filters.command("upload"))
async def upload(client, message):
    status = await client.send_message(message.chat.id, "uploading...")
    count = 3
    status.reply(f"uploaded {count} files")
