# expect: budget value-size: likely a joined string of 20099 characters
import asyncio


async def main():
    line = "y" * 200
    text = ",".join([line] * 100)
    await asyncio.sleep(1)
