# A crawler that limits concurrency per host: URLs are parsed with
# urllib.parse, grouped with setdefault, and each host gets its own
# semaphore from a config dict.
import asyncio
from urllib.parse import urlsplit, urljoin

CONFIG = {
    "per_host": {"api.example.com": 2, "cdn.example.com": 4},
    "default_limit": 1,
    "latency_ms": {"api.example.com": 40, "cdn.example.com": 15},
}

SEEDS = [
    "https://api.example.com/v1/users?page=1",
    "https://api.example.com/v1/users?page=2",
    "https://cdn.example.com/img/a.png",
    "https://cdn.example.com/img/b.png",
    "https://api.example.com/v1/orders",
    "http://static.example.org/app.js",
    "https://cdn.example.com/img/c.png",
]


class HostLimiter:
    def __init__(self, config):
        self._config = config
        self._sems = {}

    def for_host(self, host):
        if host not in self._sems:
            limit = self._config["per_host"].get(host, self._config["default_limit"])
            self._sems[host] = asyncio.Semaphore(limit)
        return self._sems[host]


async def fetch(url, limiter):
    parts = urlsplit(url)
    host = parts.netloc
    delay = CONFIG["latency_ms"].get(host, 25) / 1000
    if parts.query:
        delay += 0.005
    async with limiter.for_host(host):
        await asyncio.sleep(delay)
    return host, parts.path.rsplit("/", 1)[-1]


async def main():
    limiter = HostLimiter(CONFIG)
    by_host = {}
    for url in SEEDS:
        by_host.setdefault(urlsplit(url).netloc, []).append(url)
    results = await asyncio.gather(*(fetch(u, limiter) for u in SEEDS))
    names = [name for _, name in results]
    assert urljoin("https://api.example.com/v1/", "users") == "https://api.example.com/v1/users"
    for host, urls in sorted(by_host.items(), key=lambda kv: len(kv[1]), reverse=True):
        await asyncio.sleep(0.002 * len(urls))
    print(names)


if __name__ == "__main__":
    asyncio.run(main())
