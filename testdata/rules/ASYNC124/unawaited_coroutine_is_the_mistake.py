# A coroutine function that never awaits only because a coroutine or
# awaitable it makes is never awaited gets ASL102's finding only: the fix is
# the missing `await`, not a plain def.
import asyncio


class Pool:
    async def close(self):
        await asyncio.sleep(0)


pool = Pool()
other = Pool()


async def close_all():  # quiet: ASL102 says to await the gather
    asyncio.gather(pool.close(), other.close())  # want: ASL102


async def close_one():  # quiet: ASL102 says to await the close
    pool.close()  # want: ASL102


def names():
    return ["a", "b"]


async def listing():  # want: ASYNC124
    return names()


async def shutdown():
    await close_all()
    await close_one()
    return await listing()
