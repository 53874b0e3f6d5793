# typing.Protocol-typed helpers, a generic retry helper taking a coroutine
# factory, and a decorator with functools.wraps that times calls.
import asyncio
import functools
import time
from typing import Awaitable, Callable, Protocol, TypeVar

T = TypeVar("T")


class Fetcher(Protocol):
    async def fetch(self, key: str) -> str: ...


def timed(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await fn(*args, **kwargs)
        finally:
            wrapper.elapsed = time.perf_counter() - start
    return wrapper


async def retry(factory: Callable[[], Awaitable[T]], attempts: int = 3, delay: float = 0.02) -> T:
    last: Exception | None = None
    for n in range(attempts):
        try:
            return await factory()
        except RuntimeError as exc:
            last = exc
            await asyncio.sleep(delay * (n + 1))
    assert last is not None
    raise last


class Remote:
    def __init__(self) -> None:
        self.calls = 0

    @timed
    async def fetch(self, key: str) -> str:
        self.calls += 1
        await asyncio.sleep(0.03)
        if self.calls % 3 != 0:
            raise RuntimeError("busy")
        return key


async def use(f: Fetcher, keys: list[str]) -> list[str]:
    return [await retry(lambda: f.fetch(k)) for k in keys]


async def main():
    print(await use(Remote(), ["a", "b"]))


if __name__ == "__main__":
    asyncio.run(main())
