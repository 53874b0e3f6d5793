# A paginated sync: a class async iterator of Generic dataclass pages (__post_init__ validation), enum.Flag permissions, as_completed over batches of futures, shield.
import asyncio
import enum
from dataclasses import dataclass
from typing import Generic, TypeVar, Iterator

T = TypeVar("T")


class Perm(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    ADMIN = enum.auto()


@dataclass
class Page(Generic[T]):
    items: list
    cursor: int | None

    def __post_init__(self):
        if len(self.items) > 3:
            raise ValueError("page too large")


class Paginator:
    def __init__(self, total, per_page, latency):
        self.total = total
        self.per_page = per_page
        self.latency = latency
        self.cursor = 0

    def __aiter__(self):
        return self

    async def __anext__(self) -> Page:
        if self.cursor is None:
            raise StopAsyncIteration
        await asyncio.sleep(self.latency)
        start = self.cursor
        end = min(start + self.per_page, self.total)
        self.cursor = end if end < self.total else None
        return Page(list(range(start, end)), self.cursor)


def chunks(seq, n) -> Iterator[list]:
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


async def process(item, perms):
    cost = 0.004 if Perm.WRITE in perms else 0.002
    await asyncio.sleep(cost * (1 + item % 3))
    return item


async def main():
    perms = Perm.READ | Perm.WRITE
    seen = []
    async for page in Paginator(total=10, per_page=3, latency=0.01):
        seen.extend(page.items)
    results = {}
    for batch in chunks(seen, 4):
        futs = {asyncio.ensure_future(process(i, perms)): i for i in batch}
        for coro in asyncio.as_completed(futs):
            r = await coro
            results[r] = len(results)
    guarded = asyncio.shield(process(99, perms))
    await asyncio.wait_for(guarded, timeout=None)
    try:
        Page(list(range(5)), None)
    except ValueError:
        await asyncio.sleep(0.003 if Perm.ADMIN not in perms else 0.03)
    print(len(seen), sorted(results.items())[:3], perms)


if __name__ == "__main__":
    asyncio.run(main())
