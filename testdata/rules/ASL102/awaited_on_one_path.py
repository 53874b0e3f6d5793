# A coroutine created unconditionally but awaited only inside an `if`: on
# the path where the condition is false it is never awaited.
import asyncio


async def fetch():
    return 1


async def only_if(verbose):
    c = fetch()  # want: ASL102 "is not awaited on every path: it is stored in `c` and awaited only when `verbose` holds \(line 12\); on the other path it is never awaited; await it, or call its `\.close\(\)`, on that path too"
    if verbose:
        await c


async def only_in_if_and_elif(x, y):
    c = fetch()  # want: ASL102 "awaited only when `x` holds"
    if x:
        await c
    elif y:
        await asyncio.wait_for(c, 1)


# Quiet cases.
async def closed_otherwise(x):
    c = fetch()
    if x:
        await c
    else:
        c.close()


async def every_branch(x, y):
    c = fetch()
    if x:
        await c
    elif y:
        asyncio.ensure_future(c).cancel()
    else:
        await asyncio.gather(c)


async def scheduled_then_return(x):
    c = fetch()
    if x:
        task = asyncio.create_task(c)
        return task
    await c


async def in_a_loop(items):
    c = fetch()
    for item in items:
        if item:
            return await c
    c.close()


async def condition_on_the_coroutine(c=None):
    c = fetch()
    if asyncio.iscoroutine(c):
        await c


async def awaited_after(x):
    c = fetch()
    if x:
        print("later")
    await c
