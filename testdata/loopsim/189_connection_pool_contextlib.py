# A small connection pool: acquire() is an asynccontextmanager method, a
# paginated async generator is closed with aclosing, failures of optional
# steps are suppressed, and a job holds several connections through an
# AsyncExitStack.
import asyncio
import contextlib


class Pool:
    def __init__(self, size, connect_delay):
        self._free = asyncio.Queue()
        self._size = size
        self._made = 0
        self._connect_delay = connect_delay

    async def _connect(self):
        await asyncio.sleep(self._connect_delay)
        self._made += 1
        return f"conn{self._made}"

    @contextlib.asynccontextmanager
    async def acquire(self):
        if self._free.empty() and self._made < self._size:
            conn = await self._connect()
        else:
            conn = await self._free.get()
        try:
            yield conn
        finally:
            await asyncio.sleep(0.001)  # reset the session
            self._free.put_nowait(conn)


async def pages(conn, total, per_page):
    for start in range(0, total, per_page):
        await asyncio.sleep(0.01)
        yield list(range(start, min(start + per_page, total)))


async def optional_warmup(conn):
    await asyncio.sleep(0.005)
    raise TimeoutError("warmup is best effort")


async def copy_job(pool, rows):
    async with contextlib.AsyncExitStack() as stack:
        src = await stack.enter_async_context(pool.acquire())
        dst = await stack.enter_async_context(pool.acquire())
        with contextlib.suppress(TimeoutError):
            await optional_warmup(dst)
        copied = 0
        async with contextlib.aclosing(pages(src, rows, 25)) as it:
            async for page in it:
                copied += len(page)
                if copied >= 60:
                    break
        await asyncio.sleep(0.002 * copied / 10)
    return copied


async def main():
    pool = Pool(size=3, connect_delay=0.02)
    results = await asyncio.gather(copy_job(pool, 100), copy_job(pool, 40))
    async with pool.acquire() as conn:
        await asyncio.sleep(0.01)
    print(results, conn)


if __name__ == "__main__":
    asyncio.run(main())
