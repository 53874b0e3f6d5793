import asyncio


class Stream:
    def __init__(self):
        self._eof = asyncio.Event()

    def feed_eof(self):
        self._eof.set()

    async def wait_eof(self):
        await self._eof.wait()

    async def close(self):
        self.feed_eof()


async def helper_in_the_library(stream):
    stream.feed_eof()


def schedule_close(stream):
    # Library code: checked as everywhere, whatever the coroutine.
    asyncio.get_running_loop().create_task(stream.close())  # want: ASYNC300
