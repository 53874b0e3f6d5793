from logging import config
import os
import discord # type: ignore
from discord import app_commands # type: ignore
import asyncio
# from keep_alive import keep_alive
from sneaks import Sneaks
import requests

import pymongo # type: ignore
from bson.objectid import ObjectId
from pymongo.results import UpdateResult
from datetime import datetime, timezone
import requests
import youtube_dl
from sneaks_configuration import SneaksConfiguration

print(f"running discord api {discord.__version__}")

print(f"Connecting to mongo server")
client = pymongo.MongoClient("mongodb://127.0.0.1:27017")
db = client["website"]
artworks_collection = db["artworks"]

# create a new sneaksbot
sneaksbot = Sneaks()
bot = sneaksbot.bot

@bot.event
async def on_ready():  # When the bot is ready
    print(f"\033[1;93m{bot.user} online\nLoggers!!")  # Prints the bot's username and identifier 
    await sneaksbot.update_known_emotes()
    # sync slash commands
    await bot.tree.sync(guild=discord.Object(id=923788487562493982))
    # open websocket to get nowplaying data from radio
    background_tasks = set()
    task = asyncio.create_task(sneaksbot.open_websocket())
    background_tasks.add(task) # prevent the task from being garbage collected
    # begin all the infinitely looping coroutines, execute them once per second
    while True:
        #await sneaksbot.update_active_role(3600) # this will recur every hour
        await sneaksbot.update_status(600) # this will recur every 10 minutes
        await sneaksbot.update_profile(3000)
        await asyncio.sleep(1)


@bot.event
async def on_message(message: discord.Message):
    if message.author == bot.user:
        return
    await sneaksbot.stuff(message)
    await sneaksbot.stuff2(message)
    # await sneaksbot.play_music(message)
    #await sneaksbot.download_video(message)
    await sneaksbot.echo_message(message)
    await sneaksbot.react_random(message)
    await sneaksbot.react_keywords(message)
    await sneaksbot.chain_message(message)
    await sneaksbot.reply_ping(message)
    await sneaksbot.emote_dump(message) # this was a mistake
    await sneaksbot.art_battle_recap(message)
    await sneaksbot.reaction_image(message)
    await sneaksbot.eh_ha_heh_heh(message)
    await sneaksbot.brainrot_scan(message)

# keep_alive()  # Starts a webserver to be pinged.
token = os.environ.get("DISCORD_BOT_SECRET")
bot.run(token)  # Starts the bot
