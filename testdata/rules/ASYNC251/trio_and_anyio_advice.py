# In a module written for trio, the advice names trio's sleep, not asyncio's.
import time

import trio


async def poll(device):
    while not device.ready():
        time.sleep(0.1)  # want: ASYNC251 "use `await trio\.sleep\(\.\.\.\)`$"
    await trio.sleep(0)
