# asyncio.gather takes each awaitable as an argument of its own
# (`gather(*aws)`), as create_task, ensure_future, wait_for and shield take
# one: a list, tuple, set or comprehension handed to them whole is not
# awaitable, the call raises TypeError and none of the coroutines in it is
# awaited (realbugs37 chargesplit: `all(await asyncio.gather([hass.config_entries
# .async_forward_entry_unload(entry, p) for p in PLATFORMS]))`, the template's
# `*` lost, so no platform was ever unloaded).
import asyncio


async def unload(name):
    return True


async def unload_all(platforms):
    return all(await asyncio.gather([unload(p) for p in platforms]))  # want: ASL102


async def unload_pair():
    return await asyncio.gather([unload("a"), unload("b")])  # want: ASL102 "in a list handed whole to `asyncio\.gather\(\)`", ASL102


async def unload_generator(platforms):
    return await asyncio.gather(unload(p) for p in platforms)  # want: ASL102


async def unload_stored(platforms):
    coros = [unload(p) for p in platforms]  # want: ASL102
    return await asyncio.gather(coros)


async def start_all(platforms):
    return await asyncio.ensure_future([unload(p) for p in platforms])  # want: ASL102


# Quiet: unpacked, one awaitable per argument, or an API that takes an
# iterable (asyncio.wait is ASL104's, as_completed takes coroutines).


async def unload_unpacked(platforms):
    return all(await asyncio.gather(*[unload(p) for p in platforms]))


async def unload_unpacked_generator(platforms):
    return await asyncio.gather(*(unload(p) for p in platforms), return_exceptions=True)


async def unload_stored_unpacked(platforms):
    coros = [unload(p) for p in platforms]
    return await asyncio.gather(*coros)


async def unload_each():
    return await asyncio.gather(unload("a"), unload("b"))


async def unload_first_done(platforms):
    for fut in asyncio.as_completed([unload(p) for p in platforms]):
        await fut


async def unload_with_timeout():
    return await asyncio.wait_for(unload("a"), 3)


async def gather(*aws):
    # The project's own gather, not asyncio's: what it does with a list is
    # its own business.
    return [await a for a in aws]


async def unload_own(platforms):
    return await gather([unload(p) for p in platforms])
