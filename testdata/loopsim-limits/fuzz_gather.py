# expect: function handle budget tasks: likely unbounded recursion: handle starts tasks running handle
import asyncio
async def handle(g):
 await asyncio.gather(handle({"":"","":5}),handle({"" ""}),handle([1,2,]))
