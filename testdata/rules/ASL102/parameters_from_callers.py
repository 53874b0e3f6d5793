# A helper's untyped parameter has the type every call in the module passes.
import discord

client = discord.Client(intents=discord.Intents.default())


async def start_game(message, args):
    if not args:
        message.channel.send("usage: !start <name>")  # want: ASL102
        return
    await announce(message.channel, args[0])


async def announce(channel, name):
    # Reached through two helpers: on_message -> start_game -> announce.
    channel.send("starting " + name)  # want: ASL102
    await channel.send("started")


class Games:
    async def stop(self, message):
        message.reply("stopped")  # want: ASL102

    async def dispatch(self, message):
        await self.stop(message)


@client.event
async def on_message(message):
    if message.content.startswith("!start"):
        await start_game(message, message.content.split()[1:])
    await Games().dispatch(message)
    await log_to(message)
    await log_to(FakeMessage())
    await registered(message)


# Quiet: the calls disagree on the type.
class FakeMessage:
    class channel:
        @staticmethod
        def send(text):
            print(text)


async def log_to(message):
    message.channel.send("logged")


# Quiet: also handed to a registry, which may call it with anything.
async def registered(message):
    message.channel.send("registered")


HANDLERS = [registered]
