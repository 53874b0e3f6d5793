# asyncio.run() at module level, without the __main__ guard: simulated once,
# as its own entry point (not a second time while the module body runs).
import asyncio
import time


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def spin():
    n = 0
    while n >= 0:  # never ends: the simulation runs out of budget
        n += 1
    time.sleep(0.5)  # unknown whether it runs: quiet


def refresh():
    time.sleep(0.5)  # want: ASL402 (a loop callback: no other rule reports it)


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    asyncio.get_running_loop().call_soon(refresh)
    await asyncio.sleep(0.6)
    beat.cancel()
    await spin()


asyncio.run(main())
