# google-auth refreshes a token with a blocking HTTP exchange through the
# transport request it is handed: `credentials.refresh(request)` where the
# request is `google.auth.transport.requests.Request()` (the sync transport)
# waits for Google's token endpoint. The credentials often come from a
# factory whose type nothing names (`google.auth.default()`, a helper
# returning `object`), so the transport argument is what identifies the call.
import asyncio
from typing import Any

import google.auth
import google.auth.transport.requests
from google.auth.transport.requests import Request
from google.oauth2 import id_token


class Provider:
    def __init__(self):
        self._credentials: object | None = None

    def _build(self) -> object:
        creds, _ = google.auth.default()
        return creds

    async def token(self) -> str:
        if self._credentials is None:
            self._credentials = self._build()
        creds = self._credentials
        if not getattr(creds, "valid", True):
            request = google.auth.transport.requests.Request()
            creds.refresh(request)  # want: ASL202
        return creds.token


async def refresh_inline(creds):
    creds.refresh(Request())  # want: ASL202
    return creds.token


async def refresh_typed_any(creds: Any):
    creds.refresh(Request())  # want: ASL202


async def refresh_by_keyword(creds):
    creds.refresh(request=Request())  # want: ASL202


async def verify(token, audience):
    return id_token.verify_oauth2_token(token, Request(), audience)  # want: ASL202


def refresh_sync(creds):
    creds.refresh(Request())  # a sync helper: ASL201 follows it from a coroutine


async def via_helper(creds):
    refresh_sync(creds)  # want: ASL201


# Quiet: offloaded to a thread, or handed to the thread pool.
async def offloaded(creds):
    request = Request()
    await asyncio.to_thread(creds.refresh, request)
    await asyncio.get_running_loop().run_in_executor(None, creds.refresh, Request())


# Quiet: an async transport (google-auth's aiohttp request) is awaited, and
# a refresh handed something that is not google-auth's sync transport is
# not this API.
async def async_transport(creds, session):
    from google.auth.transport._aiohttp_requests import Request as AioRequest

    await creds.refresh(AioRequest(session))


async def other_refresh(cache, key):
    cache.refresh(key)
    cache.refresh()


class Widget:
    def refresh(self, request):
        return request


async def project_refresh(widget: Widget):
    widget.refresh(Request())  # the project's own method: what it does is followed, not assumed
