# Task classes on an ABC with itertools ids, a retry helper for flaky uploads, string constants and itertools.groupby in the summary.
import asyncio
import time
import itertools
import string
from abc import ABC, abstractmethod


class Task_(ABC):
    _ids = itertools.count(1)

    def __init__(self, payload):
        self.id = next(self._ids)
        self.payload = payload
        self.attempts = 0

    @abstractmethod
    async def run(self) -> str: ...

    def __repr__(self):
        return f"<{type(self).__name__} #{self.id}>"


class Resize(Task_):
    async def run(self):
        w, h = self.payload
        await asyncio.sleep(min(w * h / 1e6, 0.05))
        return f"{w}x{h}"


class Upload(Task_):
    FAIL_FIRST = {2}

    async def run(self):
        self.attempts += 1
        if self.id in self.FAIL_FIRST and self.attempts == 1:
            raise ConnectionError("reset")
        await asyncio.sleep(len(self.payload) / 1000)
        return self.payload.upper()


async def run_with_retry(task, retries=2):
    for attempt in range(retries + 1):
        try:
            return await task.run()
        except ConnectionError as e:
            if attempt == retries:
                raise
            await asyncio.sleep(0.02 * 2 ** attempt)


async def main():
    tasks = [Resize((800, 600)), Upload("a" * 20), Upload(string.ascii_lowercase), Resize((100, 100))]
    started = time.perf_counter()
    results = await asyncio.gather(*(run_with_retry(t) for t in tasks))
    elapsed = time.perf_counter() - started
    names = ", ".join(map(repr, tasks))
    by_kind = {k: len(list(g)) for k, g in itertools.groupby(sorted(tasks, key=lambda t: type(t).__name__), key=lambda t: type(t).__name__)}
    if elapsed < 1:
        await asyncio.sleep(0.01 * by_kind["Upload"])
    print(names, results, by_kind, f"{elapsed:.3f}")


if __name__ == "__main__":
    asyncio.run(main())
