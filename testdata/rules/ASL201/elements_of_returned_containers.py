# A loop variable takes its element type from what a function of the
# project returns (`-> list[Worker]`, or an offloaded call's result): a
# blocking method of that class, called in a coroutine, blocks the loop.
import asyncio
import time


class Worker:
    def drain(self):
        time.sleep(1)

    async def adrain(self):
        await asyncio.sleep(1)


def make_workers(n) -> list[Worker]:
    return [Worker() for _ in range(n)]


async def drain_all(n):
    for w in make_workers(n):
        w.drain()  # want: ASL201 "`w\.drain\(\)`"


async def drain_loaded(n):
    workers = await asyncio.to_thread(make_workers, n)
    for w in workers:
        w.drain()  # want: ASL201


# Quiet: the nearest correct code awaits the async twin or offloads the
# blocking method.
async def drain_all_fixed(n):
    for w in make_workers(n):
        await w.adrain()
    for w in await asyncio.to_thread(make_workers, n):
        await asyncio.to_thread(w.drain)
