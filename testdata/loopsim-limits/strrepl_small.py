# expect: budget value-size: in main at line 6, likely a replaced string of 30002 characters
import asyncio


async def main():
    x = "ab".replace("", "x" * 10_000)
    await asyncio.sleep(1)
