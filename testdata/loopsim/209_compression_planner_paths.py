# A compression planner: TypedDict specs, os.path names, SimpleNamespace jobs, a merged config dict, deepcopy snapshots, a Semaphore and dict.fromkeys counts.
import asyncio
import copy
import os.path
from types import SimpleNamespace
from typing import TypedDict


class JobSpec(TypedDict):
    src: str
    retries: int


DEFAULTS = {"retries": 1, "delay": 0.01, "parallel": 2}


def plan(files, overrides):
    cfg = {**DEFAULTS, **overrides}
    jobs = []
    for f in sorted(files, key=str.lower):
        stem, ext = os.path.splitext(os.path.basename(f))
        dest = os.path.join("/out", ext.lstrip(".") or "none", stem + ".gz")
        jobs.append(SimpleNamespace(src=f, dest=dest, size=len(stem), spec=JobSpec(src=f, retries=cfg["retries"])))
    return jobs, cfg


async def compress(job, delay, sem):
    async with sem:
        await asyncio.sleep(delay * job.size)
        return os.path.splitext(job.dest)[1]


async def main():
    files = ["b/Readme.MD", "a/data.csv", "c/archive.tar", "a/Notes", "d/x.csv"]
    jobs, cfg = plan(files, {"delay": 0.004})
    snapshot = copy.deepcopy([j.spec for j in jobs])
    sem = asyncio.Semaphore(cfg["parallel"])
    suffixes = await asyncio.gather(*(compress(j, cfg["delay"], sem) for j in jobs))
    by_dir = dict.fromkeys(sorted({os.path.basename(os.path.dirname(j.dest)) for j in jobs}), 0)
    for j in jobs:
        by_dir[os.path.basename(os.path.dirname(j.dest))] += 1
    longest = max(jobs, key=lambda j: len(j.src))
    for name, count in zip(by_dir, by_dir.values(), strict=True):
        await asyncio.sleep(0.002 * count)
    print(suffixes, by_dir, longest.src, snapshot[0]["retries"])


if __name__ == "__main__":
    asyncio.run(main())
