from discord.ext import commands

from .core import CoreBot
from .mixins import SyncCogs


class Bot(CoreBot):
    """Methods it does not define come from discord's commands.Bot, two modules away."""

    def __init__(self) -> None:
        super().__init__(command_prefix="!")
        self.unload = lambda name: None

    def add_cog(self, cog: commands.Cog) -> None:
        # A sync override of a library coroutine method.
        pass


class SyncBot(SyncCogs, commands.Bot):
    pass
