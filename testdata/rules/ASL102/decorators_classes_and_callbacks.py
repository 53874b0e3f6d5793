import asyncio
import functools
import logging
from typing import Any, Awaitable, Callable

log = logging.getLogger(__name__)


def log_calls(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        log.info("calling %s", func.__name__)
        return await func(*args, **kwargs)

    return wrapper


def retry(times: int):
    def decorate(func):
        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            for _ in range(times - 1):
                try:
                    return await func(*args, **kwargs)
                except OSError:
                    await asyncio.sleep(1)
            return await func(*args, **kwargs)

        return wrapper

    return decorate


def register(func):
    # Returns something else entirely: unknown.
    return Registry(func)


class Registry:
    def __init__(self, func) -> None:
        self.func = func

    def __call__(self, *args):
        return self.func(*args)


@log_calls
async def save(item: dict) -> None:
    await asyncio.sleep(0)


@retry(3)
async def upload(item: dict) -> None:
    await asyncio.sleep(0)


@register
async def registered() -> None:
    await asyncio.sleep(0)


class Base:
    async def close(self) -> None:
        await asyncio.sleep(0)

    @staticmethod
    async def ping() -> bool:
        return True

    @classmethod
    async def create(cls) -> "Base":
        return cls()


class Child(Base):
    async def close(self) -> None:
        super().close()  # want: ASL102
        await asyncio.sleep(0)

    async def check(self) -> bool:
        if Base.ping():  # want: ASL102
            return True
        return await self.ping()


async def handler(item: dict) -> None:
    save(item)  # want: ASL102
    upload(item)  # want: ASL102
    Child.create()  # want: ASL102
    asyncio.sleep(0.5)  # want: ASL102
    # Quiet: an unknown decorator may return anything.
    registered()
    await save(item)
    await upload(item)


async def callbacks(items: list[dict]) -> None:
    # Quiet: handed on to functions that will await them.
    loop = asyncio.get_running_loop()
    futs = [loop.create_task(save(i)) for i in items]
    await asyncio.wait(futs)
    await run_with_timeout(save(items[0]))
    for coro in asyncio.as_completed([save(i) for i in items]):
        await coro
    handlers: dict[str, Callable[..., Awaitable[Any]]] = {"save": save}
    await handlers["save"](items[0])


async def run_with_timeout(coro: Awaitable[Any]) -> Any:
    return await asyncio.wait_for(coro, 5)


def on_signal() -> None:
    # Sync callback: the coroutine object is created and dropped.
    save({})  # want: ASL102
    asyncio.ensure_future(save({}))


async def walrus(item: dict) -> None:
    if (found := Base.ping()) is None:  # want: ASL102
        return
    if found:
        print("pinged")
    # Quiet: the walrus value is awaited, or the name is awaited later.
    if await (again := Base.ping()):
        print(again)
    if (pending := Base.ping()) is not None:
        await pending


from tenacity import retry as tenacity_retry, stop_after_attempt
import backoff


@tenacity_retry(stop=stop_after_attempt(3))
async def flaky() -> None:
    await asyncio.sleep(0)


@backoff.on_exception(backoff.expo, OSError, max_tries=3)
async def flaky_too() -> None:
    await asyncio.sleep(0)


async def uses_flaky() -> None:
    flaky()  # want: ASL102
    flaky_too()  # want: ASL102
    await flaky()
