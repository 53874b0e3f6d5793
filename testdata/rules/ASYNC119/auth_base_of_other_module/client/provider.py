# An httpx.Auth subclass through a project base of another module: httpx
# still drives and closes async_auth_flow (quiet); a method httpx does not
# call is still reported.
import asyncio

from client.base import ProviderBase


class OAuthProvider(ProviderBase):
    def __init__(self):
        self.lock = asyncio.Lock()

    async def async_auth_flow(self, request):
        async with self.lock:
            response = yield request
            if response.status_code == 401:
                yield request

    async def discovery_flow(self, request):
        async with self.lock:
            yield request  # want: ASYNC119
