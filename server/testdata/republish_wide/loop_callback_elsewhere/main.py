import asyncio

from jobs import refresh


async def main():
    asyncio.get_running_loop().call_later(30, refresh)
    await asyncio.sleep(60)
