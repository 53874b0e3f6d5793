# Scheduling order from heapq and a generator using yield from; the loop
# awaits each job in priority order.
import asyncio
import heapq


def flatten(groups):
    for g in groups:
        yield from g


async def run(cost: float) -> None:
    await asyncio.sleep(cost)


async def main():
    heap = []
    for prio, cost in [(3, 0.03), (1, 0.05), (2, 0.02)]:
        heapq.heappush(heap, (prio, cost))
    while heap:
        _, cost = heapq.heappop(heap)
        await run(cost)
    costs = list(flatten([[0.01, 0.02], [0.03]]))
    await asyncio.gather(*map(run, costs))


if __name__ == "__main__":
    asyncio.run(main())
