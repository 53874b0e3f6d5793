import asyncio
from asyncio import sleep


async def wait_ready(service):
    while not service.ready:  # want: ASYNC110 "busy-wait: this loop only polls with `asyncio\.sleep\(\)`"
        await asyncio.sleep(0.1)


async def wait_flag(flags):
    while flags["busy"]:  # want: ASYNC110
        await sleep(1)


# Quiet: the loop does work besides sleeping.
async def poll(service):
    while not service.ready:
        service.refresh()
        await asyncio.sleep(0.1)


async def event(ev):
    await ev.wait()


async def other_await(q):
    while True:
        await q.get()


async def serve_forever():
    # Quiet: sleeps until cancelled; no condition to signal with an Event.
    while True:
        await asyncio.sleep(3600)


async def wait_until_ready(state):
    while not state.ready:  # want: ASYNC110
        await asyncio.sleep(0.1)
