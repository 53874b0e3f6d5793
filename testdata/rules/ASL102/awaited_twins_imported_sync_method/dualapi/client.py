import asyncio


class Future:
    def __init__(self, key):
        self.key = key

    def __await__(self):
        return asyncio.sleep(0, self.key).__await__()


class Client:
    # A synchronous method that returns Futures when asked (sync=False):
    # the caller awaits them or keeps them in a list.
    def get(self, graph, keys, sync=True):
        futures = [Future(k) for k in keys] if isinstance(keys, list) else Future(keys)
        if sync:
            return graph
        return futures


class Session:
    async def fetch(self, url):
        return url
