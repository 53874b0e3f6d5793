# expect: budget value-size: likely a list built by a comprehension of
import asyncio
async def main():
    d = sum(i for i in range(10**8))
    await asyncio.sleep(1)
    await asyncio.sleep(1)
