# python-telegram-bot 13 (Updater, Filters): Bot's methods are plain
# methods. Nothing in this module says it is written for v20 (no
# Application, no ApplicationBuilder, no declaration of the distribution),
# so calls in sync code stay quiet; in async code they are still reported.
from telegram import Bot
from telegram.ext import Updater, CommandHandler, Filters

TOKEN = "token"
bot = Bot(token=TOKEN)


def start(update, context):
    info = bot.get_me()
    update.message.reply_text("I am @" + info.username)
    bot.send_message(update.effective_chat.id, "hello")


def main():
    updater = Updater(TOKEN, use_context=True)
    updater.dispatcher.add_handler(CommandHandler("start", start))
    updater.start_polling()
    updater.idle()


async def in_async_code():
    bot.send_message(1, "x")  # want: ASL102 "its result is discarded"
