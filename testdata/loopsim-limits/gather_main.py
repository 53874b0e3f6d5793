# expect: budget tasks: likely unbounded recursion: main starts tasks running main
import asyncio
async def main():
    await asyncio.gather(main(), main())
