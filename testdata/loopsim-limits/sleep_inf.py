# expect: unfinished: still running after
import asyncio


async def main():
    await asyncio.sleep(float("inf"))
