# expect: function handle budget tasks: likely unbounded recursion: handle starts tasks running handle
import asyncio
async def handle():
    await asyncio.gather(handle(), handle(), handle())
