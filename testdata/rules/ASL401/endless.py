import asyncio


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def warm_then_serve(queue):
    # Never returns: its run has no total, so no estimate (the simulation
    # stops after a few runs of the loop, not at the step budget).
    a = await fetch("a")
    b = await fetch("b")
    while True:
        item = await queue.get()
        await fetch(item)


async def poll_until_deadline():
    # Its loop ends only by an exception, which the simulation reaches:
    # the clock is measured in every run (progress), so it runs on.
    a = await fetch("a")  # want: ASL401 "≈0\.40 s now, ≈0\.20 s"
    b = await fetch("b")
    loop = asyncio.get_running_loop()
    start = loop.time()
    while True:
        await asyncio.sleep(0.5)
        if loop.time() - start > 2:
            raise TimeoutError(a + b)


async def retry_forever():
    # A counter changes in every run (progress): it ends by its exception.
    a = await fetch("a")  # want: ASL401
    b = await fetch("b")
    attempts = 0
    while True:
        attempts += 1
        await asyncio.sleep(0.1)
        if attempts > 20:
            raise ConnectionError(a + b)
