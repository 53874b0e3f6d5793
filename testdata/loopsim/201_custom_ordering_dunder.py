# Tickets order themselves with a hand-written __lt__ (severity first, then
# age) and compare equal by id with __eq__: a PriorityQueue, heapq, sorted,
# min and max all use them to decide which ticket is handled first.
import asyncio
import heapq


class Ticket:
    def __init__(self, tid, severity, age, cost):
        self.tid = tid
        self.severity = severity
        self.age = age
        self.cost = cost

    def __lt__(self, other):
        if self.severity != other.severity:
            return self.severity > other.severity  # higher severity first
        return self.age > other.age  # then the oldest

    def __eq__(self, other):
        return isinstance(other, Ticket) and self.tid == other.tid

    def __hash__(self):
        return hash(self.tid)


TICKETS = [
    Ticket("T1", 1, 30, 0.01),
    Ticket("T2", 3, 5, 0.05),
    Ticket("T3", 2, 50, 0.02),
    Ticket("T4", 3, 40, 0.03),
    Ticket("T5", 1, 90, 0.04),
]


async def agent(queue, handled):
    while True:
        ticket = await queue.get()
        try:
            await asyncio.sleep(ticket.cost)
            handled.append(ticket.tid)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    for t in TICKETS:
        queue.put_nowait(t)
    handled = []
    agent_task = asyncio.create_task(agent(queue, handled))
    await queue.join()
    agent_task.cancel()
    # the first ticket handled decides how long the follow-up takes
    first = next(t for t in TICKETS if t.tid == handled[0])
    await asyncio.sleep(first.cost * 2)
    heap = list(TICKETS)
    heapq.heapify(heap)
    urgent = heapq.heappop(heap)
    least = max(TICKETS)
    ordered = sorted(TICKETS)
    await asyncio.sleep(urgent.cost + least.cost)
    if Ticket("T3", 0, 0, 0) in TICKETS and min(TICKETS) == ordered[0]:
        await asyncio.sleep(ordered[-1].cost)
    print(handled, urgent.tid, least.tid, [t.tid for t in ordered])


if __name__ == "__main__":
    asyncio.run(main())
