# Coroutine functions of another module whose awaited results the caller's
# module cannot type by itself (what their return annotations name).
import aiohttp


async def open_session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()


class Store:
    async def fetch(self, key):
        return key

    def cached(self, key):
        return key


async def make_store() -> Store:
    return Store()


def make_sync_store() -> Store:
    return Store()
