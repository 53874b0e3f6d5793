# A project class that subclasses a library class, in its own module.
import aiohttp
from discord.ext import commands


class CoreBot(commands.Bot):
    def greet(self) -> str:
        return "hi"


class Http(aiohttp.ClientSession):
    async def get_json(self, url: str) -> dict:
        async with self.get(url) as resp:
            return await resp.json()
