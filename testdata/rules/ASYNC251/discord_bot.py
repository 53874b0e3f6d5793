import asyncio
import time

import discord
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


@bot.command()
async def remind(ctx, seconds: int, *, text: str):
    await ctx.send(f"Reminding you in {seconds}s")
    time.sleep(seconds)  # want: ASYNC251
    await ctx.send(text)


@bot.event
async def on_message(message):
    if message.content.startswith("!slow"):
        for i in range(3):
            await message.channel.send(str(i))
            time.sleep(1)  # want: ASYNC251


class Music(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.command()
    async def wait(self, ctx):
        from time import sleep

        sleep(3)  # want: ASYNC251
        await ctx.send("done")

    def _blocking(self):
        time.sleep(1)

    @commands.command()
    async def offload(self, ctx):
        await self.bot.loop.run_in_executor(None, time.sleep, 2)
        await asyncio.to_thread(self._blocking)
        await asyncio.get_running_loop().run_in_executor(None, lambda: time.sleep(2))
        await ctx.send("offloaded")
