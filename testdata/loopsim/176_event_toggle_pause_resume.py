# A worker pauses while an Event is clear; the controller pauses and resumes
# it twice.
import asyncio


async def worker(running: asyncio.Event, done: list) -> None:
    for i in range(10):
        await running.wait()
        await asyncio.sleep(0.02)
        done.append(i)


async def controller(running: asyncio.Event) -> None:
    running.set()
    for pause in (0.05, 0.04):
        await asyncio.sleep(0.06)
        running.clear()
        await asyncio.sleep(pause)
        running.set()


async def main():
    running = asyncio.Event()
    done: list = []
    await asyncio.gather(worker(running, done), controller(running))
    print(done)


if __name__ == "__main__":
    asyncio.run(main())
