# python-telegram-bot: before v20 Bot's methods were plain methods, so its
# calls count as coroutines only in async code (InAsyncOnly). This module
# imports telegram.ext.Application, which exists only from v20, where they
# are coroutine functions: a sync function that calls them without await
# gets a coroutine too.
import asyncio

from telegram import Bot
from telegram.ext import Application, CommandHandler

TOKEN = "token"


def main():
    app = Application.builder().token(TOKEN).build()
    bot = app.bot
    bot_info = bot.get_me()  # want: ASL102 "coroutine `bot.get_me\(\)` is never awaited: it is stored in `bot_info` and its attribute `username` is read on the coroutine object"
    print(bot_info.username)
    app.run_polling()


def notify(chat_id):
    Bot(token=TOKEN).send_message(chat_id, "started")  # want: ASL102 "its result is discarded"


async def check():
    # The builder chain types the application's bot in async code too.
    app = Application.builder().token(TOKEN).concurrent_updates(True).build()
    me = app.bot.get_me()  # want: ASL102 "coroutine `app.bot.get_me\(\)` is never awaited"
    return me.username


def run_checks():
    # Awaited in a coroutine run by asyncio.run: quiet.
    async def probe():
        info = await Bot(token=TOKEN).get_me()
        return info.username

    return asyncio.run(probe())


def polling():
    # Application.run_polling is a plain method that runs its own loop: quiet.
    app = Application.builder().token(TOKEN).build()
    app.add_handler(CommandHandler("start", lambda update, context: None))
    app.run_polling()
