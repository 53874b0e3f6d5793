# A message bus: kw_only slots dataclasses parsed with partition/removeprefix, consumers with a None sentinel on a bounded queue, handler closures (nonlocal, global), errors wrapped with raise ... from.
import asyncio
from dataclasses import dataclass, field

PROCESSED = 0


@dataclass(slots=True, kw_only=True)
class Message:
    topic: str
    body: str
    priority: int = 0
    headers: dict = field(default_factory=lambda: {"v": 1})

    @staticmethod
    def parse(raw: str) -> "Message":
        topic, _, rest = raw.partition(":")
        prio = rest.count("!")
        return Message(topic=topic.removeprefix("t."), body=rest.strip("! "), priority=prio)


class HandlerError(Exception):
    pass


def make_handler(base_delay):
    calls = 0

    async def handler(msg: Message):
        nonlocal calls
        global PROCESSED
        calls += 1
        if msg.body == "crash":
            raise ValueError("bad body")
        await asyncio.sleep(base_delay * (1 + len(msg.body) // 5))
        PROCESSED += 1
        return calls

    return handler


async def consumer(q, handler, errors):
    while True:
        msg = await q.get()
        if msg is None:
            q.task_done()
            break
        try:
            await handler(msg)
        except Exception as e:
            try:
                raise HandlerError(msg.topic) from e
            except HandlerError as he:
                errors.append((str(he), type(he.__cause__).__name__))
        finally:
            q.task_done()
        await asyncio.sleep(0)


async def main():
    raw = ["t.orders:new order!!", "t.users:signup", "t.orders:crash", "t.audit:login!", "t.users:profile update"]
    msgs = sorted((Message.parse(r) for r in raw), key=lambda m: (-m.priority, m.topic))
    q = asyncio.Queue(maxsize=2)
    errors = []
    handler = make_handler(0.01)
    consumers = [asyncio.create_task(consumer(q, handler, errors)) for _ in range(2)]
    for m in msgs:
        await q.put(m)
    for _ in consumers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*consumers)
    first = min(msgs, key=lambda m: len(m.body), default=None)
    await asyncio.sleep(0.005 * PROCESSED + (0.01 if first and first.headers["v"] == 1 else 0))
    print(f"{PROCESSED=}", errors, [m.topic for m in msgs])


if __name__ == "__main__":
    asyncio.run(main())
