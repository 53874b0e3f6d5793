# A web framework's response object takes its body as data: a coroutine
# handed to it is sent as "<coroutine object ...>" (or fails to encode) and
# never runs.
from aiohttp import web
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.responses import HTMLResponse


async def load(path):
    return b""


async def rows():
    yield b""


async def aiohttp_body(path):
    contents = load(path)  # want: ASL102
    return web.Response(body=contents, content_type="application/json")


async def aiohttp_json(path):
    return web.json_response(load(path))  # want: ASL102


async def fastapi_json(path):
    return JSONResponse(content=load(path))  # want: ASL102


async def starlette_html(path):
    page = load(path)  # want: ASL102
    return HTMLResponse(page)


async def awaited(path):
    # Quiet: the body is the awaited result.
    contents = await load(path)
    return web.Response(body=contents)


async def streamed():
    # Quiet: a streaming response iterates an async generator itself.
    return StreamingResponse(rows())


async def unknown_sink(path):
    # Quiet: a callable asyncls knows nothing about may await its argument.
    return render(body=load(path))


def render(body):
    return body
