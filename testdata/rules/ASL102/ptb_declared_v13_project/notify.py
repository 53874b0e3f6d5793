# The project's requirements.txt pins python-telegram-bot 13.15, where
# Bot's methods are plain methods: quiet in sync code and in async code.
from telegram import Bot

bot = Bot(token="token")


def notify(chat_id, text):
    bot.send_message(chat_id, text)


def whoami():
    me = bot.get_me()
    return me.username


async def from_a_coroutine(chat_id):
    bot.send_message(chat_id, "still a plain method in 13.15")


async def other_libraries(chat_id):
    # Other libraries' coroutines are still reported.
    import asyncio

    asyncio.sleep(1)  # want: ASL102 "coroutine `asyncio.sleep\(\)` is never awaited"
