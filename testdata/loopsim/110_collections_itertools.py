# deque work lists, defaultdict/Counter bookkeeping and itertools feeding
# the awaits: 4 jobs x 0.02 s + product of 2x2 gathered (0.03 s) + 3 ticks
# from count()/islice (0.01 s each) = 0.14 s.
import asyncio
import itertools
from collections import Counter, defaultdict, deque


async def job(name):
    await asyncio.sleep(0.02)
    return name


async def main():
    todo = deque(["a", "b"])
    todo.appendleft("z")
    todo.append("c")
    done = defaultdict(list)
    while todo:
        name = todo.popleft()
        done[name[0]].append(await job(name))
    counts = Counter(["x", "y", "x"])
    await asyncio.gather(*(asyncio.sleep(0.03) for _ in itertools.product("ab", repeat=1) for _ in range(2)))
    for i in itertools.islice(itertools.count(1), 3):
        await asyncio.sleep(0.01 * counts["x"] / 2)
    return dict(done)


if __name__ == "__main__":
    asyncio.run(main())
