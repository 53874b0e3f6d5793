# expect: budget value-size: likely a concatenated list of
import asyncio
async def main():
    x = [0]
    for i in range(64):
        x = x + x
    await asyncio.sleep(1)
    await asyncio.sleep(1)
