import asyncio
import time


def load():
    time.sleep(0.3)  # quiet: ASL201 reports it at `load()` and carries the delay


def refresh():
    time.sleep(0.2)  # quiet: ASL201 reports it where call_soon hands `refresh` to the loop, and carries the delay


# Deeper than ASL201 follows (asl201-max-depth, 3 hops): only the simulation
# sees that the loop callback `sync_all` blocks.
def sync_all():
    sync_one()


def sync_one():
    store()


def store():
    write_through()


def write_through():
    time.sleep(0.2)  # want: ASL402 "`time\.sleep\(\)` holds the event loop for ≈0\.20 s and delays another ready task or callback by up to ≈0\.10 s" (the heartbeat, due 0.10 s into the block)


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def quick():
    time.sleep(0.001)  # want: ASYNC251 (too short to delay anything)


async def main():
    time.sleep(0.2)  # quiet: nothing else exists yet, nobody is delayed (before the first await of a script's main)
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.05)
    time.sleep(0.5)  # want: ASYNC251 (one finding: its message carries the simulated delay)
    load()  # want: ASL201
    await quick()
    asyncio.get_running_loop().call_soon(refresh)  # want: ASL201 "`refresh` blocks the event loop: `asyncio.get_running_loop\(\).call_soon\(\)` has the loop call it on its own thread, and it calls blocking `time.sleep\(\)`; .*; it holds the event loop for ≈0\.20 s"
    await asyncio.sleep(0.3)
    asyncio.get_running_loop().call_soon(sync_all)
    await asyncio.sleep(0.3)
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
