# fix: ASYNC251
"""time.sleep in coroutines becomes await asyncio.sleep; asyncio is imported once."""
import time


async def poll(client):
    while not client.ready():
        time.sleep(0.5)
    time.sleep(1)


def sync_wait():
    time.sleep(1)
