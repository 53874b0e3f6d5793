import asyncio


async def pump(queue, items):
    while True:  # want: ASYNC913 "this endless loop can go round without a checkpoint"
        if items:
            await queue.put(items.pop())


async def spin(state):
    # Quiet, as in flake8-async: a loop with a break is not indefinite.
    while 1:
        if state.done:
            break


# Quiet
async def pump_ok(queue, items):
    while True:
        if items:
            await queue.put(items.pop())
        else:
            await asyncio.sleep(0.1)


async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            break


def sync_loop(q):
    while True:
        q.get()


async def generator_loop(q):
    while True:
        item = q.get_nowait()
        yield item
