import asyncio

from crawler import config
from crawler.errors import TransientError


class Session:
    def __init__(self):
        self.calls = {}

    async def get(self, url):
        n = self.calls.get(url, 0) + 1
        self.calls[url] = n
        await asyncio.sleep(config.LATENCY[url])
        if url == "/flaky" and n < 3:
            raise TransientError(url, n)
        return len(url) * 100
