# expect: budget value-size: likely a formatted field of 1000000000 characters
import asyncio
async def main():
    s = "{:>1000000000}".format(1)
    await asyncio.sleep(1)
    await asyncio.sleep(1)
