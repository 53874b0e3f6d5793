import asyncpg
from discord.ext import commands


class MusicBot(commands.Bot):
    async def setup_hook(self) -> None:
        self.db = await asyncpg.create_pool(dsn="postgres://localhost/music")


class ModBot(commands.Bot):
    def __init__(self) -> None:
        super().__init__(command_prefix="!")
        self.db = {}
