# expect: seconds 0
import asyncio
async def main():
    await asyncio.sleep(float("nan"))
