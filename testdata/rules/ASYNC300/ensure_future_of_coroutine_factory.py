# ensure_future(call) of a synchronous project function: the call makes a
# new task (dropped here) when the function returns a coroutine on some
# path, directly or through other synchronous functions; it is quiet when
# every path returns something else (a Future made already).
import asyncio


async def refresh(n):
    await asyncio.sleep(n)


def refresh_soon(n):
    return refresh(n)


def refresh_or_wait(n, fut):
    if n:
        return refresh_soon(n)
    return fut


def waiter():
    return asyncio.get_running_loop().create_future()


class Poller:
    async def poll(self, n):
        await asyncio.sleep(n)

    def poll_later(self, n):
        return self.poll(n)

    def start(self, n, fut):
        asyncio.ensure_future(refresh_soon(n))  # want: ASYNC300
        asyncio.ensure_future(refresh_or_wait(n, fut))  # want: ASYNC300
        asyncio.ensure_future(self.poll_later(n))  # want: ASYNC300
        asyncio.ensure_future(waiter())  # quiet: a Future made already
        self.kept = asyncio.ensure_future(refresh_soon(n))  # quiet: kept
