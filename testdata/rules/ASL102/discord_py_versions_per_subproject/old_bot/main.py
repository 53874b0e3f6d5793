# Two bots checked as one project from a directory that declares nothing
# (a folder of bots, a monorepo): each file reads the declarations of the
# nearest directory above it that has some. This one's requirements.txt pins
# discord.py 1.7.3, where load_extension is a plain method.
from discord.ext import commands

bot = commands.Bot(command_prefix="!")
bot.load_extension("cogs.admin")
