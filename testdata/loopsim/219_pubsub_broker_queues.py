"""An in-process pub/sub broker: one queue per subscriber, a publisher that
sends a burst of messages, subscribers of different speeds, and a clean
shutdown once every queue is drained."""
import asyncio
import itertools


class Broker:
    def __init__(self):
        self.queues = {}
        self.delivered = {}
        self.ready = asyncio.Event()

    def subscribe(self, name, maxsize=5):
        q = asyncio.Queue(maxsize=maxsize)
        self.queues[name] = q
        self.delivered[name] = 0
        return q

    async def publish(self, message):
        for q in self.queues.values():
            await q.put(message)


async def subscriber(broker, name, cost):
    q = broker.queues[name]
    await broker.ready.wait()
    while True:
        try:
            msg = await asyncio.wait_for(q.get(), timeout=0.5)
        except TimeoutError:
            return
        await asyncio.sleep(cost)
        broker.delivered[name] += 1
        q.task_done()


async def publisher(broker, count, gap):
    broker.ready.set()
    for seq in itertools.count():
        if seq == count:
            break
        await broker.publish({"seq": seq})
        await asyncio.sleep(gap)


async def main():
    broker = Broker()
    costs = {"fast": 0.02, "medium": 0.035, "slow": 0.05}
    for name in costs:
        broker.subscribe(name)
    subs = [asyncio.create_task(subscriber(broker, n, c)) for n, c in costs.items()]
    await publisher(broker, 20, 0.01)
    await asyncio.gather(*(q.join() for q in broker.queues.values()))
    for t in subs:
        t.cancel()
    await asyncio.gather(*subs, return_exceptions=True)
    print(broker.delivered)


if __name__ == "__main__":
    asyncio.run(main())
