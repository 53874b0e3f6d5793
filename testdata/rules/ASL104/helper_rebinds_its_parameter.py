# asyncio.wait() on a parameter of the function around it reports the
# coroutines a call of the module passes for it only while the parameter
# still holds what the caller passed: a helper that rebinds the parameter
# first (`coros = [asyncio.ensure_future(c) for c in coros]`, as asyncio's
# own wait did) waits on what it made.
import asyncio


async def fetch(url):
    await asyncio.sleep(0)
    return url


async def wait_all(coros):
    if not coros:
        return set()
    done, _ = await asyncio.wait(coros)  # want: ASL104
    return done


# A copy of the parameter (`list(coros)`, `tuple(coros)`, `set(coros)`)
# still holds the caller's coroutines.
async def wait_all_copied(coros):
    coros = list(coros)
    done, _ = await asyncio.wait(coros)  # want: ASL104
    return done


# Quiet: the parameter rebound to tasks (or futures) before the wait.
async def wait_all_wrapped(coros):
    coros = [asyncio.ensure_future(c) for c in coros]
    done, _ = await asyncio.wait(coros)
    return done


async def wait_all_mapped(coros):
    if not coros:
        return set()
    coros = list(map(asyncio.create_task, coros))
    done, _ = await asyncio.wait(coros)
    return done


async def main(urls):
    await wait_all([fetch(u) for u in urls])
    await wait_all_copied([fetch(u) for u in urls])
    await wait_all_wrapped([fetch(u) for u in urls])
    await wait_all_mapped([fetch(u) for u in urls])
