# fix: ASYNC251, ASL105
"""With `import asyncio as aio`, fixes use the alias instead of importing asyncio again."""
import asyncio as aio
import time


async def tick():
    time.sleep(0.1)
    loop = aio.get_event_loop()
    return loop
