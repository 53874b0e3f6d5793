# Application-style program, written as a fresh probe of the simulator (it passed unchanged).
import asyncio
import heapq
import itertools
from typing import NamedTuple


class Job(NamedTuple):
    name: str
    every: float
    cost: float


class Scheduler:
    __slots__ = ("heap", "seq", "runs")

    def __init__(self):
        self.heap = []
        self.seq = itertools.count()
        self.runs = {}

    @classmethod
    def from_config(cls, cfg):
        s = cls()
        for raw in cfg["jobs"]:
            job = Job(**raw)
            s.add(job, 0.0)
        return s

    def add(self, job, at):
        heapq.heappush(self.heap, (at, next(self.seq), job))

    async def run(self, horizon):
        loop = asyncio.get_running_loop()
        start = loop.time()
        while self.heap:
            at, _, job = heapq.heappop(self.heap)
            if at > horizon:
                break
            delay = start + at - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            await asyncio.sleep(job[2])
            self.runs[job.name] = self.runs.get(job.name, 0) + 1
            self.add(job, at + job.every)


CONFIG = {"jobs": [{"name": "ping", "every": 0.05, "cost": 0.005},
                   {"name": "sync", "every": 0.12, "cost": 0.02},
                   {"name": "gc", "every": 0.2, "cost": 0.01}]}


async def main():
    s = Scheduler.from_config(CONFIG)
    await s.run(horizon=0.3)
    print(sorted(s.runs.items()))


if __name__ == "__main__":
    asyncio.run(main())
