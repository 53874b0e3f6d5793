# An order-processing worker pool: orders are dataclass(order=True) items
# in a PriorityQueue keyed by (tier, placed); VIP orders jump ahead. Each
# worker handles an order in stages whose cost depends on its lines.
import asyncio
from dataclasses import dataclass, field
from enum import IntEnum


class Tier(IntEnum):
    VIP = 0
    STANDARD = 1
    BULK = 2


@dataclass(order=True)
class Order:
    tier: Tier
    placed: int
    order_id: str = field(compare=False)
    lines: list = field(default_factory=list, compare=False)

    def weight(self):
        return sum(qty for _, qty in self.lines)


STAGE_COST = {"reserve": 0.004, "pack": 0.002, "label": 0.01}


async def handle(order, done):
    for stage, per_unit in STAGE_COST.items():
        if stage == "label":
            await asyncio.sleep(per_unit)
        else:
            await asyncio.sleep(per_unit * order.weight())
    done.append(order.order_id)


async def worker(name, queue, done):
    while True:
        order = await queue.get()
        try:
            await handle(order, done)
        finally:
            queue.task_done()


def incoming():
    raw = [
        ("A-1", "BULK", [("bolt", 10), ("nut", 10)]),
        ("A-2", "STANDARD", [("lamp", 1)]),
        ("A-3", "VIP", [("desk", 2), ("chair", 4)]),
        ("A-4", "STANDARD", [("cable", 3)]),
        ("A-5", "VIP", [("screen", 1)]),
        ("A-6", "BULK", [("paper", 8)]),
        ("A-7", "STANDARD", [("mouse", 2), ("pad", 2)]),
    ]
    for placed, (oid, tier, lines) in enumerate(raw):
        yield Order(Tier[tier], placed, oid, lines)


async def main():
    queue = asyncio.PriorityQueue()
    for order in incoming():
        queue.put_nowait(order)
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, done)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    # VIP orders must be done first; a late audit runs per VIP order
    vip = [oid for oid in done[:3] if oid in ("A-3", "A-5")]
    for oid in vip:
        await asyncio.sleep(0.015)
    print(done)


if __name__ == "__main__":
    asyncio.run(main())
