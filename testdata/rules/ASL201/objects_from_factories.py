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
    data = client.fetch(path)  # want: ASL201
    other = make_client().fetch(path)  # want: ASL201
    _cache.refresh()  # want: ASL201
    Cache(ttl=5).refresh()  # want: ASL201
    return data, other
