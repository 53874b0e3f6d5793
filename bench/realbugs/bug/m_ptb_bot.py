# Reduced shape of https://github.com/samirsalman/AmazonOffers-TelegramBot/issues/48
# (python-telegram-bot v20: Bot.send_message without await); not the project's code.
import telegram

bot = telegram.Bot(token="x")


async def post_offers(offers, channel):
    for offer in offers:
        bot.send_message(chat_id=channel, text=offer["title"])
