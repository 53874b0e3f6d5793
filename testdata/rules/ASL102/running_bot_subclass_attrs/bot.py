import asyncpg
from discord.ext import commands


class Base(commands.Bot):
    pass


class MyBot(Base):
    async def setup_hook(self) -> None:
        self.db = await asyncpg.create_pool(dsn="postgres://localhost/db")
        self.cache = {}
