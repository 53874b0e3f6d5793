# The project's requirements.txt declares python-telegram-bot>=20.3, where
# Bot's methods are coroutine functions: a sync helper that calls one
# without await makes a coroutine, even though this module uses no
# v20-only name.
from telegram import Bot

bot = Bot(token="token")


def notify(chat_id, text):
    bot.send_message(chat_id, text)  # want: ASL102 "coroutine `bot.send_message\(\)` is never awaited: its result is discarded"


def whoami():
    me = bot.get_me()  # want: ASL102 "its attribute `username` is read on the coroutine object"
    return me.username


def notify_camel_case(chat_id, text):
    bot.sendMessage(chat_id=chat_id, text=text)  # want: ASL102 "coroutine `bot\.sendMessage\(\)` is never awaited: its result is discarded"
