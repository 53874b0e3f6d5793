# Poetry's `"discord.py" = "^1.7"` keeps discord.py below 2.0: plain
# methods there.
from discord.ext import commands

bot = commands.Bot(command_prefix="!")
bot.load_extension("cogs.admin")


@bot.event
async def on_message(message) -> None:
    # A coroutine in every release: reported.
    bot.process_commands(message)  # want: ASL102
