# expect: budget value-size: likely list() of a range of 1000000000 elements
import asyncio
async def main():
    x = list(range(10**9))
    await asyncio.sleep(1)
    await asyncio.sleep(1)
