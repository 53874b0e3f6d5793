# config: asl201-local-files = true  # mechanics shown with local-file sinks
import functools
import json
import time

import requests


class Config:
    def __init__(self, path="config.json"):
        with open(path) as f:
            self.values = json.load(f)


class BaseWorker:
    def throttle(self):
        time.sleep(0.5)

    def _save(self, data):
        with open("out.json", "w") as f:
            json.dump(data, f)

    def process(self, data):
        self._save(data)


class Worker(BaseWorker):
    async def run(self, data):
        self.throttle()  # want: ASL201
        self.process(data)  # want: ASL201
        return data


@functools.lru_cache(maxsize=None)
def load_countries():
    return requests.get("https://restcountries.com/v3.1/all").json()


def countdown(n):
    if n <= 0:
        time.sleep(0.1)
        return
    countdown(n - 1)


def lazy():
    def later():
        return requests.get("https://example.com")

    return later


async def startup():
    cfg = Config()  # want: ASL201
    countries = load_countries()  # want: ASL201
    countdown(3)  # want: ASL201
    fn = lazy()
    return cfg, countries, fn
