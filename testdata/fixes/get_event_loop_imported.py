# fix: ASL105
"""get_event_loop imported by name, or through asyncio.events."""
from asyncio import get_event_loop
import asyncio.events


async def loops():
    loop = get_event_loop()
    other = asyncio.events.get_event_loop()
    await asyncio.sleep(0)
    return loop, other


def sync_caller():
    return get_event_loop()
