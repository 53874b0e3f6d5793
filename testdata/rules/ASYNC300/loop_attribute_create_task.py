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


class Controller:
    # subiquity's controllers reach the application's asyncio loop as
    # self.app.aio_loop; an attribute named like a loop counts as one when
    # its type is unknown.
    def __init__(self, app):
        self.app = app
        self.tasks = set()

    def start(self):
        self.app.aio_loop.create_task(status_loop())  # want: ASYNC300
        self.app.main_loop.create_task(status_loop())  # want: ASYNC300

    # Quiet: the task is kept.
    def start_kept(self):
        task = self.app.aio_loop.create_task(status_loop())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # Quiet: names that only contain "loop" are not taken as a loop.
    def start_other(self):
        self.app.looper.create_task(status_loop())
        self.app.loop_manager.create_task(status_loop())
