# expect: budget value-size: likely a repeated string of 1000000 characters
import asyncio
async def main():
    x = "ab".replace("", "x" * 10**6) * 10**4
    await asyncio.sleep(1)
    await asyncio.sleep(1)
