# httpx drives an Auth subclass's async_auth_flow itself and always closes
# it (httpx/_client.py AsyncClient._send_handling_auth: `finally: await
# auth_flow.aclose()`): a lock held across its yields is released when the
# request ends, and the method's name and shape are httpx's protocol. Quiet
# there, also through a project base class and for httpx's own DigestAuth;
# the same generator elsewhere is still reported.
import asyncio

import httpx


class TokenAuth(httpx.Auth):
    def __init__(self):
        self.lock = asyncio.Lock()
        self.token = None

    async def async_auth_flow(self, request):
        async with self.lock:
            if self.token is None:
                response = yield httpx.Request("POST", "https://auth.example/token")
                self.token = response.text
            request.headers["Authorization"] = "Bearer " + self.token
            response = yield request
            if response.status_code == 401:
                self.token = None
                yield request

    async def refresh_flow(self, request):
        # Fires: not a method httpx calls.
        async with self.lock:
            yield request  # want: ASYNC119


class ProjectAuthBase(httpx.Auth):
    pass


class RetryingAuth(ProjectAuthBase):
    lock = asyncio.Lock()

    async def async_auth_flow(self, request):
        async with self.lock:
            yield request


class LockedDigest(httpx.DigestAuth):
    lock = asyncio.Lock()

    async def async_auth_flow(self, request):
        async with self.lock:
            yield request


class NotAnAuth:
    # Fires: same name, but no httpx.Auth subclass: nobody closes it.
    lock = asyncio.Lock()

    async def async_auth_flow(self, request):
        async with self.lock:
            yield request  # want: ASYNC119


async def async_auth_flow(lock, request):
    # Fires: a module-level function is no protocol method.
    async with lock:
        yield request  # want: ASYNC119
