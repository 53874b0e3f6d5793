# A service configured by a dataclass with defaults, overridden for one field.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Config:
    delay: float = 0.05
    retries: int = 3
    shards: list = field(default_factory=lambda: ["eu", "us", "ap"])
    concurrency: int = 2


class Service:
    def __init__(self, config: Config):
        self.config = config
        self.sem = asyncio.Semaphore(config.concurrency)

    async def query_shard(self, shard: str) -> str:
        async with self.sem:
            for _ in range(self.config.retries):
                await asyncio.sleep(self.config.delay)
            return shard

    async def query_all(self) -> list:
        return await asyncio.gather(*(self.query_shard(s) for s in self.config.shards))


async def main():
    svc = Service(Config(delay=0.03))
    print(await svc.query_all())


if __name__ == "__main__":
    asyncio.run(main())
