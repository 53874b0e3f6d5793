# Cases from flake8-async's eval_files/async109.py, with asyncio.
import asyncio
import functools

timeout = 10


async def stub_at_module_level(timeout):  # want: ASYNC109
    ...


async def annotated_default(timeout: int = 3):  # want: ASYNC109
    print(timeout)


async def starred(*timeout):
    print(timeout)


async def double_starred(**timeout):
    print(timeout)


async def reported_on_its_line(
    bar,
    timeouts,
    my_timeout,
    timeout_,
    timeout,  # want: ASYNC109
):
    print(bar)


async def positional_only(
    timeout,  # want: ASYNC109
    /,
    bar,
):
    print(bar)


async def keyword_only(
    *,
    timeout: float | None = 5,  # want: ASYNC109
):
    print(timeout)


async def default_named_timeout(k=timeout):
    print(k)


def sync_function(timeout):
    print(timeout)


@functools.cache
async def decorated(timeout):
    print(timeout)


async def polls_until_deadline(ready, timeout=10):  # want: ASYNC109
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not ready():
        if loop.time() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.1)


async def sleeps_for_it(timeout):  # want: ASYNC109
    await asyncio.sleep(timeout)


class Client:
    async def get(self, url, timeout=5.0):  # want: ASYNC109
        return await self.session.get(url)

    async def interface(self, timeout):
        ...

    # Quiet: thin wrappers hand the timeout to what implements it.
    async def wait_for(self, url, timeout=5.0):
        return await asyncio.wait_for(self.session.get(url), timeout)

    async def scoped(self, url, timeout=5.0):
        async with asyncio.timeout(timeout):
            return await self.session.get(url)

    async def keyword(self, url, timeout=5.0):
        return await self.session.get(url, timeout=timeout)


async def event_with_timeout(event: asyncio.Event, timeout: float) -> bool:
    try:
        await asyncio.wait_for(event.wait(), timeout=timeout)
    except TimeoutError:
        return False
    return True
