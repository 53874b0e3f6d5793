# fix: ASYNC240
import os

import anyio


async def sizes(path):
    await anyio.sleep(0)
    return [os.path.getsize(os.path.join(path, n)) for n in os.listdir(path)]
