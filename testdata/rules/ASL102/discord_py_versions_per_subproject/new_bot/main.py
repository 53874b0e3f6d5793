# This bot's requirements.txt asks for discord.py 2.3 or later: the
# coroutine is lost.
import discord
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


async def setup_hook() -> None:
    bot.load_extension("cogs.admin")  # want: ASL102
