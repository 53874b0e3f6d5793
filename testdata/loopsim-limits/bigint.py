# expect: budget value-size: likely an integer (10 ** 100000000) of 100000000 digits
import asyncio
async def main():
    x = 10 ** 10 ** 8
    await asyncio.sleep(1)
    await asyncio.sleep(1)
