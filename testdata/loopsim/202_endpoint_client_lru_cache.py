# An API client: frozen dataclass endpoints, an OrderedDict LRU cache, lru_cache'd costs, wait_for timeouts and json round trips.
import asyncio
import logging
import json
from dataclasses import dataclass, field, asdict
from typing import Optional
from collections import OrderedDict
import functools

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    timeout: float = 0.2
    tags: tuple = ()

    def url(self, base: str) -> str:
        return f"{base.rstrip('/')}/{self.path.lstrip('/')}"


class LRU:
    def __init__(self, size=3):
        self.size = size
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        if key in self.data:
            self.data.move_to_end(key)
            self.hits += 1
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        self.data[key] = value
        if len(self.data) > self.size:
            self.data.popitem(last=False)


class Client:
    def __init__(self, base, cache):
        self.base = base
        self.cache = cache

    @functools.lru_cache(maxsize=None)
    def cost_of(self, path):
        return 0.01 * (1 + path.count("/"))

    async def call(self, ep: Endpoint) -> Optional[dict]:
        url = ep.url(self.base)
        cached = self.cache.get(url)
        if cached is not None:
            return cached
        try:
            await asyncio.wait_for(asyncio.sleep(self.cost_of(ep.path)), timeout=ep.timeout)
        except asyncio.TimeoutError:
            log.warning("timeout %s", url)
            return None
        body = json.dumps({"url": url, "tags": list(ep.tags)})
        result = json.loads(body)
        self.cache.put(url, result)
        return result


ENDPOINTS = [
    Endpoint("users", "/api/users", tags=("core",)),
    Endpoint("orders", "/api/orders/recent/", tags=("core", "billing")),
    Endpoint("stats", "stats/daily/totals", timeout=0.02),
    Endpoint("users", "/api/users", tags=("core",)),
]


async def main():
    client = Client("https://svc.local/", LRU(size=2))
    results = []
    for ep in ENDPOINTS:
        results.append(await client.call(ep))
    ok = [r for r in results if r]
    summary = {ep.name: bool(r) for ep, r in zip(ENDPOINTS, results)}
    await asyncio.sleep(0.005 * len(ok) + 0.01 * client.cache.hits)
    print(summary, client.cache.hits, client.cache.misses, asdict(ENDPOINTS[0]))


if __name__ == "__main__":
    asyncio.run(main())
