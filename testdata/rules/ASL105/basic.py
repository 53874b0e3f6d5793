import asyncio
from asyncio import get_event_loop


async def main():
    loop = asyncio.get_event_loop()  # want: ASL105 "`get_event_loop\(\)` in coroutine `main`: use `asyncio\.get_running_loop\(\)`"
    other = get_event_loop()  # want: ASL105
    return loop, other


# Quiet
async def running():
    return asyncio.get_running_loop()


def sync_entry():
    return asyncio.get_event_loop()


async def nested_sync():
    def in_thread():
        return asyncio.get_event_loop()

    return await asyncio.to_thread(in_thread)
