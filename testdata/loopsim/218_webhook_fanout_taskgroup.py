"""Webhook fan-out: deliver one event to many subscribers, at most three at a
time, retrying transient failures with backoff and giving up on slow ones."""
import asyncio
from dataclasses import dataclass, field


class TransientError(Exception):
    def __init__(self, target, retry_after):
        super().__init__(target)
        self.retry_after = retry_after


@dataclass
class Subscriber:
    name: str
    latency: float
    flaky: int = 0  # how many first attempts fail
    attempts: int = field(default=0)


SUBSCRIBERS = [
    Subscriber("billing", 0.05),
    Subscriber("search", 0.08, flaky=1),
    Subscriber("audit", 0.03),
    Subscriber("mailer", 0.40),  # too slow: times out
    Subscriber("crm", 0.06, flaky=2),
    Subscriber("metrics", 0.02),
    Subscriber("archive", 0.07),
]


async def post(sub: Subscriber, payload: dict) -> int:
    sub.attempts += 1
    await asyncio.sleep(sub.latency)
    if sub.attempts <= sub.flaky:
        raise TransientError(sub.name, retry_after=0.05 * sub.attempts)
    return 200


async def deliver(sub, payload, limit, report):
    for attempt in range(4):
        try:
            async with limit:
                async with asyncio.timeout(0.25):
                    status = await post(sub, payload)
            report[sub.name] = (status, attempt + 1)
            return
        except TransientError as e:
            await asyncio.sleep(e.retry_after)
        except TimeoutError:
            report[sub.name] = ("timeout", attempt + 1)
            return
    report[sub.name] = ("gave up", 4)


async def main():
    limit = asyncio.Semaphore(3)
    report = {}
    payload = {"event": "invoice.paid", "id": 42}
    async with asyncio.TaskGroup() as tg:
        for sub in SUBSCRIBERS:
            tg.create_task(deliver(sub, payload, limit, report))
    for name in sorted(report):
        print(name, report[name])


if __name__ == "__main__":
    asyncio.run(main())
