# A coroutine stored, then awaited further down, with a way out between the
# two (a `return` under a condition, an except clause that returns, a
# `continue` of the loop the code is in): on that path the coroutine is
# never awaited (RuntimeWarning: coroutine ... was never awaited) and its
# work never happens.
import asyncio


async def fetch(key):
    await asyncio.sleep(0)
    return key


async def early_return(key, cached):
    pending = fetch(key)  # want: ASL102 "stored in `pending`, and line 17 can leave before `pending` is awaited"
    if cached:
        return cached
    return await pending


async def except_returns(key):
    pending = fetch(key)  # want: ASL102 "line 26 can leave"
    try:
        size = len(key)
    except TypeError:
        return None
    return size, await pending


async def continue_in_loop(keys):
    out = []
    for key in keys:
        pending = fetch(key)  # want: ASL102 "line 35 can leave"
        if not key:
            continue
        out.append(await pending)
    return out


# Quiet: the way out handles the coroutine, the use is before the way out,
# the exit is inside a nested loop or def, the await is itself conditional
# (judged as before), an exception leaves.


async def closes_before_leaving(key, cached):
    pending = fetch(key)
    if cached:
        pending.close()
        return cached
    return await pending


async def hands_it_over(key, later):
    pending = fetch(key)
    if later:
        return asyncio.ensure_future(pending)
    return await pending


async def awaited_before(key, cached):
    pending = fetch(key)
    value = await pending
    if cached:
        return cached
    return value


async def nested_loop_break(key, rows):
    pending = fetch(key)
    for row in rows:
        if row:
            break
    return await pending


async def nested_def(key):
    pending = fetch(key)
    if key:
        def helper():
            return 1
        key = helper()
    return await pending


async def raises(key):
    pending = fetch(key)
    if not key:
        raise ValueError(key)
    return await pending


async def awaited_in_try(key):
    pending = fetch(key)
    try:
        return await asyncio.wait_for(pending, 1)
    except asyncio.TimeoutError:
        return None
