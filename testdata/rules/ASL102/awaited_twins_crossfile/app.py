# Calls of a callee the project defines are judged by its definition, not by
# how often they are awaited; a library callee by its awaited twins.
from pkg.client import Client
from sdk import Remote


class App:
    def __init__(self):
        self._client = Client()
        self._remote = Remote()

    async def start(self):
        await self._client.wait_ready()
        await self._client.wait_ready()
        self._client.wait_ready()

    async def pull(self, key):
        await self._remote.pull(key)
        await self._remote.pull(key)

    async def pull_later(self, key):
        self._remote.pull(key)  # want: ASL102

    async def push(self, key):
        await self._remote.push(key)
        await self._remote.push(key)
        # Quiet: other.py's coroutine uses push's result as a value and never
        # awaits it (a module that takes it for synchronous).
        self._remote.push(key)

    async def status(self):
        await self._remote.status()
        await self._remote.status()
        # Quiet: other.py calls status from synchronous code.
        self._remote.status()
