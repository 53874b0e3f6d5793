# disnake and nextcord are forks of discord.py that keep its API under their
# own package: their messageables, interaction responses and contexts have
# discord.py's coroutine methods (pylib.Forks), plus coroutines of their own
# (Interaction.send). Both kept discord.py 1.7's synchronous extension and cog
# loading, which discord.py 2 made coroutines: a fork bot's plain
# `bot.load_extension(...)` and `bot.add_cog(...)` are right.
import disnake
import nextcord
from disnake.ext import commands
from nextcord.ext import commands as ncommands

bot = commands.Bot(command_prefix="!")
nbot = ncommands.Bot(command_prefix="!")


class Chat(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.slash_command(description="Send a prompt")
    async def prompt(self, inter: disnake.ApplicationCommandInteraction, prompt: str):
        if not prompt:
            inter.response.send_message("Prompt disabled")  # want: ASL102 "coroutine `inter.response.send_message\(\)` is never awaited"
            return
        await inter.response.send_message(prompt)

    @commands.slash_command()
    async def later(self, inter: disnake.CommandInteraction):
        await inter.response.defer()
        inter.edit_original_message(content="done")  # want: ASL102 "coroutine `inter.edit_original_message\(\)` is never awaited"

    @commands.command()
    async def hello(self, ctx):
        ctx.send("hello")  # want: ASL102 "coroutine `ctx.send\(\)` is never awaited"

    @commands.Cog.listener()
    async def on_message(self, message):
        if message.author.bot:
            return
        await message.channel.send("seen")


async def lfg(interaction: nextcord.Interaction):
    interaction.send("Looking for group")  # want: ASL102 "coroutine `interaction.send\(\)` is never awaited"
    await interaction.response.send_message("ok")


async def channel_post(channel: nextcord.TextChannel):
    channel.send("posted")  # want: ASL102 "coroutine `channel.send\(\)` is never awaited"


# Quiet: the forks load extensions and cogs synchronously, at module level
# and in a synchronous `setup`.
def setup(bot: commands.Bot):
    bot.add_cog(Chat(bot))


bot.load_extension("cogs.admin")
nbot.load_extension("cogs.admin")
nbot.add_cog(Chat(nbot))


async def reload(ctx, name):
    bot.reload_extension(name)
    bot.unload_extension(name)
    await ctx.send(f"reloaded {name}")
