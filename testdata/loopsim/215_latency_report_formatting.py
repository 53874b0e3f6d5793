# A latency report: dataclass metrics as tuples (astuple), attrgetter sorting, %-formatting, zip(*) columns with fsum, frozenset differences, dict.pop defaults, percent and thousands format specs, int(s, 16) and bit_length.
import asyncio
import math
from dataclasses import dataclass, astuple
from operator import attrgetter


@dataclass
class Metric:
    service: str
    region: str
    p50: float
    p99: float
    errors: int = 0


ROWS = [
    ("api", "eu", 12.5, 80.0, 3),
    ("api", "us", 10.0, 95.5, 0),
    ("db", "eu", 3.2, 40.0, 1),
    ("cache", "us", 0.8, 5.0, 0),
    ("db", "us", 4.1, 55.0, 7),
]


def summarize(metrics):
    lines = []
    for m in sorted(metrics, key=attrgetter("service", "region")):
        svc, region, p50, p99, errs = astuple(m)
        lines.append("%-6s %s p50=%5.1f p99=%6.1f err=%d" % (svc, region, p50, p99, errs))
    cols = list(zip(*[astuple(m)[2:4] for m in metrics]))
    return lines, [round(math.fsum(c) / len(c), 2) for c in cols]


async def alert(metric, budget):
    ratio = metric.errors / budget
    await asyncio.sleep(0.01 * min(metric.errors, 5))
    return f"{metric.service}/{metric.region}: {ratio:.1%} of budget, {int(metric.p99 * 1000):,} us"


async def main():
    metrics = [Metric(*r) for r in ROWS]
    lines, means = summarize(metrics)
    noisy = {m.service for m in metrics if m.errors}
    quiet = frozenset(m.service for m in metrics) - noisy
    pending = {f"{m.service}-{m.region}": m for m in metrics}
    first = next(iter(pending))
    pending.pop(first, None)
    skipped = pending.pop("nope", 0)
    alerts = await asyncio.gather(*(alert(m, 10) for m in pending.values() if isinstance(m.errors, (int, float)) and m.errors))
    width = max(map(len, lines))
    extra = getattr(metrics[0], "owner", None) or int("0x1f", 16)
    mask = (extra.bit_length() + len(hex(extra))) if callable(getattr(extra, "bit_length", None)) else 0
    alerts.sort(key=len)
    await asyncio.sleep(0.001 * (width // 10 + len(quiet) + mask + skipped) + 0.0001 * sum(means))
    print(*alerts, sep="\n")


if __name__ == "__main__":
    asyncio.run(main())
