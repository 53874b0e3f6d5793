# A CI pipeline runner: stages parsed from a text report, a Condition gating stages by functools.cache'd weights, a datetime deadline, takewhile/reduce/heapq.merge and format specs in the summary.
import asyncio
import functools
import heapq
import itertools
import operator
from datetime import datetime, timedelta

REPORT = """\
build 12
test 30
lint 5
deploy 20
"""


@functools.cache
def weight(stage: str) -> int:
    return len(stage) % 3 + 1


def parse(text):
    stages = {}
    for line in text.splitlines():
        name, secs = line.split()
        stages[name] = int(secs)
    return stages


async def run_stage(name, ms, cond, state):
    async with cond:
        await cond.wait_for(lambda: state["ready"] >= weight(name))
    await asyncio.sleep(ms / 1000)
    return name


async def main():
    stages = parse(REPORT)
    order = sorted(stages, key=stages.get)
    deadline = datetime.now() + timedelta(milliseconds=250)
    cond = asyncio.Condition()
    state = {"ready": 0}
    tasks = [asyncio.create_task(run_stage(n, stages[n], cond, state)) for n in order]
    for step in range(1, 4):
        await asyncio.sleep(0.01)
        async with cond:
            state["ready"] = step
            cond.notify_all()
    finished = await asyncio.gather(*tasks)
    cheap = list(itertools.takewhile(lambda n: stages[n] < 25, order))
    total = functools.reduce(operator.add, (stages[n] for n in cheap), 0)
    merged = list(heapq.merge([1, 4, 9], [2, 3, 10]))
    left = deadline - datetime.now()
    mins, secs = divmod(total, 60)
    if left > timedelta(0):
        await asyncio.sleep(min(left.total_seconds(), 0.05))
    line = "{:>8.2f}|{}".format(total / 10, str(mins).zfill(2)).center(20, "-")
    for i, n in enumerate(reversed(finished)):
        if i >= merged.pop(0):
            break
        await asyncio.sleep(0.002)
    print(line, cheap, merged)


if __name__ == "__main__":
    asyncio.run(main())
