# expect: budget value-size: in main at line 4, likely a dict built by a comprehension of
import asyncio
async def main():
    d = {i: i for i in range(10**8)}
    await asyncio.sleep(1)
    await asyncio.sleep(1)
