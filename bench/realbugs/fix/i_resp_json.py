# Reduced shape of https://github.com/fisher60/friendo-bot/pull/154
# (`await resp.json()[k]` on an aiohttp response); not the project's code.
import aiohttp


async def fetch_name(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return (await resp.json())["name"]
