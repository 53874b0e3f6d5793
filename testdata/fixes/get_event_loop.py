# fix: ASL105
import asyncio


async def main():
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, print, "x")
