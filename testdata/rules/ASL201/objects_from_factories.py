import time
from dataclasses import dataclass

import requests


class ApiClient:
    def fetch(self, path):
        return requests.get("https://api.example.com" + path).json()


def get_client() -> ApiClient:
    return ApiClient()


def make_client():
    return ApiClient()


@dataclass
class Cache:
    ttl: int = 60

    def refresh(self):
        time.sleep(self.ttl / 100)


_cache = Cache()


async def handler(path):
    client = get_client()
    data = client.fetch(path)  # want: ASL201 "and 1 more call in .handler. reaches it: .* line 34\)"
    other = make_client().fetch(path)
    _cache.refresh()  # want: ASL201 "and 1 more call in .handler. reaches it: .* line 36\)"
    Cache(ttl=5).refresh()
    return data, other
