# aiohttp's Application._handle (and startup/shutdown/cleanup) are coroutine
# functions: an integration that wraps `_handle` must await the original.
from aiohttp import web
from aiohttp.web import Application

old_handle = Application._handle


async def wrapped_handle(self, request):
    return old_handle(self, request)  # want: ASL102


async def wrapped_ok(self, request):
    return await old_handle(self, request)


async def on_shutdown(app: web.Application):
    app.cleanup()  # want: ASL102
    await app.shutdown()
