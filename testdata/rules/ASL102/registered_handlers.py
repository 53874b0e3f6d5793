# Handlers registered by a call, and clients built by a chained call.
from telegram.ext import ApplicationBuilder, CommandHandler, MessageHandler, filters
from telethon import TelegramClient, events

bot = TelegramClient("bot", 1, "hash").start(bot_token="token")


async def start(update, context):
    update.message.reply_text("Hello")  # want: ASL102
    await update.message.reply_text("Hello")


async def echo(update, context):
    context.bot.send_message(update.effective_chat.id, update.message.text)  # want: ASL102


async def not_registered(update, context):
    # Quiet: nothing says what this function receives.
    update.message.reply_text("?")


@bot.on(events.NewMessage(pattern="/ping"))
async def ping(event):
    event.reply("pong")  # want: ASL102
    await event.reply("pong")


def main() -> None:
    app = ApplicationBuilder().token("token").build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling()
