import asyncio
import time


async def read_frame(stream, timeout=5):  # want: ASYNC109 "async function `read_frame` takes a `timeout` parameter"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await stream.read(1)


async def keyword_only(*, timeout: float):  # want: ASYNC109
    await asyncio.sleep(timeout)


class Client:
    async def request(self, url, timeout=None):  # want: ASYNC109
        deadline = time.monotonic() + timeout
        return await self.session.get(url, deadline)

    # Quiet: the timeout is delegated to an API that implements it.
    async def get(self, url, timeout=None):
        return await self.session.get(url, timeout=timeout)


# Quiet: better than the reference, the timeout is handed to asyncio's timeout machinery.
async def with_timeout(coro, timeout):
    async with asyncio.timeout(timeout):
        return await coro


async def with_wait_for(coro, timeout=None):
    return await asyncio.wait_for(coro, timeout)


async def with_wait_for_keyword(coro, timeout=None):
    return await asyncio.wait_for(coro, timeout=timeout)


async def with_wait(tasks, timeout):
    return await asyncio.wait(tasks, timeout=timeout)


# Quiet: decorated (an interface) and other names.
def decorator(f):
    return f


@decorator
async def handler(request, timeout=1):
    await asyncio.sleep(timeout)


async def other_name(delay):
    await asyncio.sleep(delay)


def sync(timeout):
    time.sleep(timeout)


class Interface:
    async def call(self, request, timeout):
        """Send the request."""
        raise NotImplementedError
