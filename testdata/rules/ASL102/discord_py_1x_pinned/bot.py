# The project's requirements.txt pins discord.py 1.7.3, where
# Bot.load_extension, add_cog and remove_cog are plain methods (they became
# coroutines in 2.0): calling them without await is right.
from discord.ext import commands

bot = commands.Bot(command_prefix="!")

bot.load_extension("cogs.admin")


class Admin(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    async def reload(self, name: str) -> None:
        self.bot.reload_extension(name)
        self.bot.remove_cog("Admin")
        # Coroutines in 1.x as in 2.x: still reported.
        self.bot.process_commands(None)  # want: ASL102


def setup(bot: commands.Bot) -> None:
    bot.add_cog(Admin(bot))
