# expect: seconds 1
import asyncio
async def main():
    await asyncio.sleep(float("nan"))
    await asyncio.sleep(1)
