# aiohttp requires its request handlers to be coroutine functions ("A request
# handler must be a coroutine that accepts a Request instance ... and returns
# a Response instance"): an async function that returns an aiohttp response,
# directly or through a name bound once to one, is such a handler even when
# this module does not register it, and stays quiet. Frameworks that also run
# plain handlers (Starlette, FastAPI) give no such exemption, nor does
# returning something else.
import json

from aiohttp import web
from starlette.responses import JSONResponse


async def index(request):  # quiet: returns an aiohttp response
    return web.Response(text="Hello World!")


async def status(request):  # quiet
    body = {"ok": True}
    return web.json_response(body)


async def download(request):  # quiet: the response is bound to a name first
    response = web.FileResponse("report.csv")
    return response


async def starlette_endpoint(request):  # want: ASYNC124
    return JSONResponse({"ok": True})


async def encode(payload):  # want: ASYNC124
    return json.dumps(payload)
