# A Home Assistant-style coordinator that builds a new client on every poll
# (the client's constructor loads certifi's CA bundle on the event loop,
# which Home Assistant's detector reports as load_verify_locations).
import asyncio
import ssl

import httpx


class FeederCoordinator:
    def __init__(self, url, session=None):
        self.url = url
        self.session = session
        self._client = None
        self._ctx = None

    async def _async_update_data(self):
        async with httpx.AsyncClient(timeout=10.0) as client:  # want: ASL203
            response = await client.get(self.url)
            return response.json()

    async def _connect_tls(self, host, cafile):
        for _ in range(3):
            ctx = ssl.create_default_context(cafile=cafile)  # want: ASL203
            try:
                return await asyncio.open_connection(host, 8883, ssl=ctx)
            except OSError:
                await asyncio.sleep(1)

    # Quiet: the shared session handed in, a client built once in a thread,
    # a context built once off the loop and reused.
    async def _async_update_shared(self):
        async with self.session.get(self.url) as response:
            return await response.json()

    async def _client_once(self):
        if self._client is None:
            self._client = await asyncio.to_thread(httpx.AsyncClient, timeout=10.0)
        return await self._client.get(self.url)

    async def _connect_reusing(self, host, cafile):
        if self._ctx is None:
            self._ctx = await asyncio.get_running_loop().run_in_executor(None, ssl.create_default_context)
        return await asyncio.open_connection(host, 8883, ssl=self._ctx)
