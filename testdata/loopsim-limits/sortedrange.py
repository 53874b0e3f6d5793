# expect: budget value-size: likely sorted() of a range of 1000000000 elements
import asyncio
async def main():
    x = sorted(range(10**9))
    await asyncio.sleep(1)
    await asyncio.sleep(1)
