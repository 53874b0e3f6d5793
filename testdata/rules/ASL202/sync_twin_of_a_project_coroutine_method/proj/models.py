# Classes of the project that declare a method and its coroutine twin.
import abc
import asyncio

import httpx
import requests


class EmbeddingModel(abc.ABC):
    """Plugins implement both: the interface says embed_text does a_embed_text's work synchronously."""

    @abc.abstractmethod
    def embed_text(self, text):
        """Embed one text."""

    @abc.abstractmethod
    async def a_embed_text(self, text):
        """Embed one text asynchronously."""

    def dimensions(self):
        return 1536


class Entity(abc.ABC):
    """An interface whose synchronous member may only start the work."""

    @abc.abstractmethod
    def send(self, stanza):
        """Send a stanza."""

    @abc.abstractmethod
    async def a_send(self, stanza):
        """Send a stanza once the triggers ran."""

    @abc.abstractmethod
    def flush(self) -> None:
        """Write what is buffered."""

    @abc.abstractmethod
    async def a_flush(self) -> None:
        """Write what is buffered."""


class Store:
    def __init__(self, url):
        self.url = url
        self._sync = requests.Session()
        self._client = httpx.AsyncClient()

    def load(self, key):
        return self._fetch(key)

    def _fetch(self, key):
        return self._decode(key)

    def _decode(self, key):
        return {"key": key}

    async def aload(self, key):
        response = await self._client.get(self.url + key)
        return response.json()

    def fetch_async(self, key):
        return self.aload(key)

    def get_page(self, n):
        return [n]

    async def get_page_async(self, n):
        return await self.aload(str(n))


class MemoryCache:
    """A store in memory: the coroutine twin runs the synchronous one on the loop itself."""

    def __init__(self):
        self._data = {}

    def get(self, key):
        return self._data.get(key)

    async def aget(self, key):
        return self.get(key)

    def peek(self, key):
        return self._data.get(key)

    async def apeek(self, key):
        return self._data.get(key)


class Runner:
    """A synchronous wrapper that runs the coroutine twin on a new loop."""

    def run(self, job):
        return asyncio.run(self.arun(job))

    async def arun(self, job):
        await asyncio.sleep(0)
        return job


class Loader:
    def read(self, path):
        return path

    async def aread(self, path):
        return await asyncio.to_thread(self.read, path)


class Dispatcher:
    def __init__(self):
        self.handlers = {}

    def event(self, name, data):
        for handler in self.handlers.get(name, []):
            result = handler(data)
            if asyncio.iscoroutine(result):
                asyncio.ensure_future(result)

    async def event_async(self, name, data):
        for handler in self.handlers.get(name, []):
            result = handler(data)
            if asyncio.iscoroutine(result):
                await result


class Workers:
    def spawn(self):
        asyncio.get_running_loop().create_task(self._run())

    async def spawn_async(self):
        await self._run()

    async def _run(self):
        await asyncio.sleep(0)


class TokenCache:
    """A cache: the coroutines fill it over the network, the synchronous
    accessors only read what they stored."""

    def __init__(self, client: httpx.AsyncClient):
        self._client = client
        self._token = None
        self._values = {}

    def token(self):
        return self._token

    async def atoken(self):
        response = await self._client.post("https://example.com/token")
        self._token = response.json()["token"]
        return self._token

    def value(self, key):
        return self._values[key] if key in self._values else None

    async def avalue(self, key):
        if key not in self._values:
            response = await self._client.get(f"https://example.com/values/{key}")
            self._values[key] = response.json()
        return self._values[key]

    def fresh(self, key):
        return self._lookup(key)

    async def afresh(self, key):
        response = await self._client.get(f"https://example.com/values/{key}")
        return response.json()
