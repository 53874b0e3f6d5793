# Reduced shape of https://github.com/pocc/bga_discord/issues/12
# (discord.py: a helper called from on_message sends on message.channel without await); not the project's code.
import discord

client = discord.Client(intents=discord.Intents.default())


async def start_game(message, args):
    if not args:
        message.channel.send("usage: !start <name>")
        return
    await message.channel.send("starting " + args[0])


@client.event
async def on_message(message):
    if message.content.startswith("!start"):
        await start_game(message, message.content.split()[1:])
