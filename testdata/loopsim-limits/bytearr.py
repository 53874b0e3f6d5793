# expect: not-high
import asyncio
async def main():
    x = bytearray(10**11)
    await asyncio.sleep(1)
    await asyncio.sleep(1)
