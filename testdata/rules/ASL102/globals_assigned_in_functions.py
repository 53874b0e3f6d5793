# A name declared `global` in a function binds the module's name: its
# value, assigned in one handler branch, types it in the others.
import asyncio

from pyrogram import Client

pending = None


async def on_query(bot: Client, chat_id, data):
    global log_msg
    if data == "start":
        log_msg = await bot.send_message(chat_id, "processing")
    elif data == "done":
        log_msg.reply("uploaded")  # want: ASL102
    elif data == "cancel":
        await log_msg.reply("cancelled")


async def work():
    await asyncio.sleep(1)


def schedule():
    # A coroutine stored in a global may be awaited elsewhere: quiet.
    global pending
    pending = work()


async def main():
    schedule()
    await pending


def local_only(bot: Client):
    # Without `global`, the name is the function's own.
    log_msg = object()
    log_msg.reply("not a message")
