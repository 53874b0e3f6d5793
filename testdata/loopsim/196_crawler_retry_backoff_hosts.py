# A small crawler: URLs are dataclasses, one Semaphore per host limits
# concurrency, flaky hosts fail a fixed number of times and are retried
# with exponential backoff; results are grouped by host for a summary.
import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

SETTINGS = {
    "per_host": 2,
    "retries": 3,
    "backoff": 0.02,
    "latency": {"api.example.com": 0.05, "cdn.example.com": 0.02, "slow.example.org": 0.09},
    "flaky": {"slow.example.org": 2},
}


class FetchError(Exception):
    def __init__(self, url, attempt):
        super().__init__(f"{url} failed (attempt {attempt})")
        self.url = url
        self.attempt = attempt


@dataclass
class Target:
    url: str
    depth: int = 0
    tries: int = field(default=0, compare=False)

    @property
    def host(self):
        return urlsplit(self.url).netloc


class Fetcher:
    def __init__(self, settings):
        self.settings = settings
        self.failures = defaultdict(int)
        self.limits = {}

    def limit_for(self, host):
        if host not in self.limits:
            self.limits[host] = asyncio.Semaphore(self.settings["per_host"])
        return self.limits[host]

    async def fetch_once(self, target):
        host = target.host
        async with self.limit_for(host):
            await asyncio.sleep(self.settings["latency"].get(host, 0.03))
            if self.failures[host] < self.settings["flaky"].get(host, 0):
                self.failures[host] += 1
                raise FetchError(target.url, target.tries)
        return len(target.url)

    async def fetch(self, target):
        delay = self.settings["backoff"]
        for attempt in range(1, self.settings["retries"] + 1):
            target.tries = attempt
            try:
                return await self.fetch_once(target)
            except FetchError as exc:
                if exc.attempt >= self.settings["retries"]:
                    raise
                await asyncio.sleep(delay)
                delay *= 2
        return 0


def seed_targets():
    bases = ["https://api.example.com/v1/", "https://cdn.example.com/static/", "https://slow.example.org/"]
    paths = ["users", "items?page=2", "../health"]
    return [Target(urljoin(base, path)) for base in bases for path in paths]


async def main():
    fetcher = Fetcher(SETTINGS)
    targets = seed_targets()
    sizes = await asyncio.gather(*(fetcher.fetch(t) for t in targets), return_exceptions=True)
    by_host = defaultdict(list)
    for target, size in zip(targets, sizes):
        by_host[target.host].append(size)
    retried = [t.url for t in targets if t.tries > 1]
    # a follow-up round only for hosts whose pages were all fetched
    complete = sorted(h for h, v in by_host.items() if all(isinstance(s, int) for s in v))
    await asyncio.gather(*(fetcher.fetch(Target(f"https://{h}/sitemap.xml", depth=1)) for h in complete))
    print(len(retried), complete)


if __name__ == "__main__":
    asyncio.run(main())
