# asyncio.run() at module level, without the __main__ guard: simulated once,
# as its own entry point (not a second time while the module body runs).
import asyncio
import time


def refresh():
    rebuild()


def rebuild():
    reindex()


def reindex():
    compact()


def compact():
    time.sleep(0.5)  # want: ASL402 (run as a loop callback while the heartbeat is due, deeper than ASL201 follows)


def recount():
    rebuild()  # quiet for ASL402: the simulation ran out of budget before it


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def spin():
    n = 0
    while n >= 0:  # never ends: the simulation runs out of its step budget
        n += 1
    asyncio.get_running_loop().call_soon(recount)
    await asyncio.sleep(0.3)


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    asyncio.get_running_loop().call_soon(refresh)
    await asyncio.sleep(0.3)
    beat.cancel()
    await spin()


asyncio.run(main())
