# Sensors feed a bounded queue; an aggregator with a wait_for idle timeout keeps NamedTuple readings in dataclass stats; a ContextVar names each sensor.
import asyncio
import contextvars
import signal
import sys
from dataclasses import dataclass
from typing import NamedTuple

request_id = contextvars.ContextVar("request_id", default="-")


class Reading(NamedTuple):
    sensor: str
    value: float


@dataclass
class Stats:
    count: int = 0
    total: float = 0.0

    @property
    def mean(self):
        return self.total / self.count if self.count else 0.0


async def sensor(name, values, out: asyncio.Queue):
    request_id.set(name)
    for v in values:
        await asyncio.sleep(0.01)
        await out.put(Reading(name, v))


async def aggregator(q: asyncio.Queue, stats: dict, stop: asyncio.Event):
    while not (stop.is_set() and q.empty()):
        try:
            r = await asyncio.wait_for(q.get(), timeout=0.05)
        except asyncio.TimeoutError:
            continue
        s = stats.setdefault(r.sensor, Stats())
        s.count += 1
        s.total += r.value
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=4)
    stats = {}
    stop = asyncio.Event()
    agg = asyncio.create_task(aggregator(q, stats, stop))
    await asyncio.gather(
        sensor("temp", [20.5, 21.0, 21.5, 22.0], q),
        sensor("hum", [40, 42, 41], q),
    )
    await q.join()
    stop.set()
    await agg
    hottest = max(stats.items(), key=lambda kv: kv[1].mean)[0]
    await asyncio.sleep(0.02 if hottest == "hum" else 0.04)
    print({k: round(v.mean, 2) for k, v in stats.items()}, request_id.get(), file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
