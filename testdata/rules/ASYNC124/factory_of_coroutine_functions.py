# An async function that returns an `async def` of its own body is a
# factory a framework awaits (aiohttp's old-style middleware factory:
# `handler = await factory(app, handler)`): it must stay a coroutine
# function whatever its body. One that defines an inner coroutine without
# returning it, or returns something else, is reported.
from aiohttp import web


async def middleware(app, handler):  # quiet: returns the inner coroutine function
    async def _middleware(request):
        response = await handler(request)
        response.headers["X-Traced"] = "1"
        return response

    return _middleware


async def defines_but_does_not_return(handler):  # want: ASYNC124
    async def inner(request):
        return await handler(request)

    print(inner)


async def returns_a_sync_function(handler):  # want: ASYNC124
    def inner(request):
        return handler(request)

    return inner


app = web.Application(middlewares=[])
