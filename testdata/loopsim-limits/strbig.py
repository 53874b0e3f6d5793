# expect: budget value-size: likely a repeated string of 10000000000 characters
import asyncio
async def main():
    x = "a" * 10**10
    y = x + x
    await asyncio.sleep(1)
    await asyncio.sleep(1)
