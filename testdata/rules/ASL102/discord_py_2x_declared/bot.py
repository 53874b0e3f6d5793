# requirements.txt admits discord.py 2.x (`>=1.7,<3`), where extension and
# cog loading are coroutines: not awaiting them loses the call.
import discord
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


async def setup_hook() -> None:
    bot.load_extension("cogs.admin")  # want: ASL102 "coroutine `bot.load_extension\(\)` is never awaited"


async def setup(bot: commands.Bot) -> None:
    bot.add_cog(commands.Cog())  # want: ASL102
