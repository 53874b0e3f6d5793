import asyncio
import time


def load():
    time.sleep(0.3)  # quiet: ASL201 reports it at `load()` and carries the delay


def refresh():
    time.sleep(0.2)  # want: ASL402 "`time\.sleep\(\)` holds the event loop for ≈0\.20 s and delays another ready task or callback by up to ≈0\.20 s" (run as a loop callback: no other rule reports it)


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
    asyncio.get_running_loop().call_soon(refresh)
    await asyncio.sleep(0.3)
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
