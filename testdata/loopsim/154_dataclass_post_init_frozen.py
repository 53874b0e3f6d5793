# Frozen dataclasses with __post_init__ validation and dataclasses.replace;
# timing derived from computed fields.
import asyncio
import dataclasses
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Endpoint:
    name: str
    base_ms: int = 20
    weight: int = 1
    jitter_ms: int = 0

    @property
    def latency(self) -> float:
        return (self.base_ms * self.weight + self.jitter_ms) / 1000


@dataclass
class Plan:
    endpoints: list = field(default_factory=list)
    parallel: bool = True
    total: Optional[float] = None

    def __post_init__(self):
        self.total = sum(e.latency for e in self.endpoints)


async def hit(ep: Endpoint) -> float:
    await asyncio.sleep(ep.latency)
    return ep.latency


async def main():
    a = Endpoint("a")
    b = dataclasses.replace(a, name="b", weight=3)
    c = Endpoint("c", base_ms=15, jitter_ms=5)
    plan = Plan([a, b, c])
    if plan.parallel:
        await asyncio.gather(*(hit(e) for e in plan.endpoints))
    await asyncio.sleep(plan.total)
    print(plan.total)


if __name__ == "__main__":
    asyncio.run(main())
