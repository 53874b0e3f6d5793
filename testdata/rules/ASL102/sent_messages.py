# What awaiting a bot framework's send gives is a message whose own methods
# are coroutines: the edit/reply on it needs an await too.
import discord
from pyrogram import Client, filters

app = Client("bot")
bot = discord.Client(intents=discord.Intents.default())


@app.on_message(filters.command("upload"))
async def upload(client, message):
    status = await client.send_message(message.chat.id, "uploading...")
    status.edit_text("uploaded")  # want: ASL102
    done = await message.reply("done")
    done.delete()  # want: ASL102
    # Quiet: awaited.
    await status.edit_text("uploaded, again")


@bot.event
async def on_message(message):
    sent = await message.channel.send("working...")
    sent.edit(content="done")  # want: ASL102
    reply = await message.reply("ok")
    await reply.add_reaction("👍")


def upload_sync(client: Client, chat_id):
    # Quiet: pyrogram's methods run synchronously outside a running loop.
    status = client.send_message(chat_id, "uploading...")
    status.edit_text("uploaded")
