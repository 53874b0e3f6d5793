import asyncio

import discord
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


async def status_loop():
    while True:
        await asyncio.sleep(60)


@bot.event
async def on_ready():
    bot.loop.create_task(status_loop())  # want: ASYNC300
    self_task = bot.loop.create_task(status_loop())
    await self_task


class Worker:
    def __init__(self):
        self.loop = asyncio.get_event_loop()
        self._loop = asyncio.new_event_loop()

    async def start(self):
        self.loop.create_task(status_loop())  # want: ASYNC300
        self._loop.create_task(status_loop())  # want: ASYNC300
        asyncio.get_event_loop().create_task(status_loop())  # want: ASYNC300
        async with asyncio.TaskGroup() as tg:
            tg.create_task(status_loop())
