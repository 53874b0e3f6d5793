# An event ingester: events are grouped with defaultdict/Counter, handlers
# are bound with functools.partial, batches come from itertools.islice over
# a chained stream, and an Enum decides how long each kind takes.
import asyncio
import enum
import functools
import itertools
from collections import Counter, defaultdict, deque


class Kind(enum.Enum):
    CLICK = "click"
    VIEW = "view"
    BUY = "buy"


COST = {Kind.CLICK: 0.002, Kind.VIEW: 0.001, Kind.BUY: 0.02}

RAW = ["view:home", "click:buy-btn", "view:cart", "buy:sku-1", "view:home",
       "click:logo", "buy:sku-2", "view:faq", "click:help", "view:home"]
LATE = ["buy:sku-3", "view:about"]


def parse(line):
    kind, _, target = line.partition(":")
    return Kind(kind), target


async def handle(batch_no, events, *, scale):
    cost = sum(COST[kind] for kind, _ in events) * scale
    await asyncio.sleep(cost)
    return batch_no, len(events)


def batches(iterable, size):
    it = iter(iterable)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


async def main():
    stream = map(parse, itertools.chain(RAW, LATE))
    by_kind = defaultdict(list)
    recent = deque(maxlen=3)
    seen = Counter()
    events = []
    for kind, target in stream:
        by_kind[kind].append(target)
        seen[target] += 1
        recent.append(target)
        events.append((kind, target))
    handler = functools.partial(handle, scale=2.0)
    numbered = zip(itertools.count(1), batches(events, 4))
    results = await asyncio.gather(*(handler(n, chunk) for n, chunk in numbered))
    top, hits = seen.most_common(1)[0]
    await asyncio.sleep(0.01 * hits + 0.005 * len(by_kind[Kind.BUY]))
    print(results, top, list(recent), [k.name for k in Kind])


if __name__ == "__main__":
    asyncio.run(main())
