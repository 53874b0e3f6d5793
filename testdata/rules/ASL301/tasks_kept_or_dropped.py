import asyncio


async def fetch(x):
    await asyncio.sleep(x)


async def callback_only():
    task = asyncio.create_task(fetch(1))  # want: ASL301
    task.add_done_callback(lambda t: print("done"))


async def dropped_in_loop():
    for i in range(3):
        t = asyncio.create_task(fetch(i))  # want: ASL301
        print(t.get_name())


async def loop_method():
    loop = asyncio.get_running_loop()
    t = loop.create_task(fetch(1))  # want: ASL301
    return None


# Quiet: awaited, gathered, waited, shielded, cancelled, returned or kept.
async def gathered():
    t1 = asyncio.create_task(fetch(1))
    t2 = asyncio.create_task(fetch(2))
    await asyncio.gather(t1, t2)


async def waited():
    t = asyncio.ensure_future(fetch(1))
    done, _ = await asyncio.wait({t}, timeout=1)
    return done


async def collected():
    tasks = []
    for i in range(3):
        t = asyncio.create_task(fetch(i))
        tasks.append(t)
    await asyncio.gather(*tasks)


async def shielded():
    t = asyncio.create_task(fetch(1))
    await asyncio.shield(t)


async def with_timeout():
    t = asyncio.create_task(fetch(1))
    await asyncio.wait_for(t, 1)


async def cancelled():
    t = asyncio.create_task(fetch(1))
    t.cancel()


async def returned():
    t = asyncio.create_task(fetch(1))
    return t


class Service:
    def __init__(self):
        self._tasks = set()

    async def start(self):
        self._task = asyncio.create_task(fetch(1))

    async def start_many(self):
        task = asyncio.create_task(fetch(1))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


async def in_task_group():
    async with asyncio.TaskGroup() as group:
        t = group.create_task(fetch(1))
    print(t.result())
