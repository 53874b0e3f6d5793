# fix: ASYNC251, ASL105
"""A module docstring
on two lines; `import asyncio` goes after it and the __future__ import."""

from __future__ import annotations

import time as t
from time import sleep


async def poll(client):
    sleep(  # wait a bit
        0.5,
    )
    t.sleep((1 + 2) * 3)  # a comment after the call
    if client: t.sleep(1)
    loop = asyncio.get_event_loop()
    return loop


async def in_lambda():
    # A lambda is a plain function: not reported, not rewritten.
    callback = lambda: t.sleep(1)
    return callback
