# expect: seconds 1
import asyncio
async def go():
    await asyncio.sleep(1)
asyncio.run(go())
