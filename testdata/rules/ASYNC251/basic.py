import asyncio
import time
import time as t
from time import sleep as nap
from time import sleep


async def direct():
    time.sleep(1)  # want: ASYNC251 "`time\.sleep\(\)` blocks the event loop in async function `direct`; use `await asyncio\.sleep\(\.\.\.\)`"
    t.sleep(0.5)  # want: ASYNC251
    nap(2)  # want: ASYNC251
    x = [sleep(1) for _ in range(3)]  # want: ASYNC251
    await asyncio.sleep(1)


async def local_import():
    import time as clock

    clock.sleep(1)  # want: ASYNC251


async def suppressed():
    time.sleep(1)  # noqa: ASYNC251
    time.sleep(1)  # noqa


# Quiet: a sync function may sleep.
def sync_sleep():
    time.sleep(1)


async def nested_sync_def():
    def worker():
        time.sleep(1)

    await asyncio.to_thread(worker)


async def by_reference():
    await asyncio.to_thread(time.sleep, 1)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, 1)
    await loop.run_in_executor(None, lambda: time.sleep(1))


async def shadowed_parameter(time):
    time.sleep(1)


async def shadowed_local():
    sleep = asyncio.sleep
    await sleep(1)


class Clock:
    def sleep(self, seconds):
        pass

    async def tick(self):
        self.sleep(1)


async def attribute_named_time(obj):
    obj.time.sleep(1)
    await asyncio.sleep(0)


if __name__ == "__main__":
    time.sleep(1)
