# A periodic job that wakes every interval or as soon as stop is set
# (wait_for on the event with a timeout), then shuts down cleanly.
import asyncio


async def periodic(stop: asyncio.Event, interval: float, runs: list) -> None:
    while not stop.is_set():
        await asyncio.sleep(0.01)  # do the job
        runs.append(1)
        try:
            await asyncio.wait_for(stop.wait(), timeout=interval)
        except asyncio.TimeoutError:
            pass


async def main():
    stop = asyncio.Event()
    runs: list = []
    task = asyncio.create_task(periodic(stop, 0.07, runs))
    await asyncio.sleep(0.3)
    stop.set()
    await task
    print(len(runs), "runs")


if __name__ == "__main__":
    asyncio.run(main())
