# Reconstruction (not stored in the index): the project's config module is not
# stored; main.py imports `bot` from it, builds `Application.builder().bot(bot)`
# (python-telegram-bot v20+) and tells the user to "Check your API_TOKEN".
import os

from telegram import Bot

API_TOKEN = os.getenv("API_TOKEN")
bot = Bot(token=API_TOKEN)
