# An aiohttp request handler "must be a coroutine that accepts a Request
# instance as its only parameter and returns a Response instance" (aiohttp
# docs, Web Server Quickstart). A module-level async def of one parameter
# that returns an aiohttp response is such a handler even when its route is
# registered in a module out of view: its parameter is the request, whose
# json/text/read/post/multipart are coroutines.
from aiohttp import web


async def submit_handler(request):
    input_text = request.post().get("input_text", "")  # want: ASL102
    url = f"{request.scheme}://{request.host}{request.path}"
    return web.Response(text=f"{input_text} {url}")


async def submit_ok(request):
    data = await request.post()
    return web.Response(text=data.get("input_text", ""))


async def api(req):
    body = req.json()  # want: ASL102
    return web.json_response(body)


async def api_ok(req):
    if req.method == "POST":
        return web.json_response(await req.json())
    return web.json_response({})


# Quiet: a helper the module calls, with a synchronous response of another
# library.
async def to_response(upstream):
    return web.Response(text=upstream.text(), status=upstream.status_code)


async def proxy(request):
    import requests

    return await to_response(requests.get("http://example.com", timeout=5))


# Quiet: two parameters, not a handler's signature.
async def render(resp, status):
    return web.Response(text=resp.text(), status=status)


# Quiet: no aiohttp response is returned.
async def read_all(stream):
    return stream.read()


# Quiet: a default value, not a handler's signature.
async def page(doc=None):
    return web.Response(text=doc.read())


# Quiet: the response is returned by a nested function, not by the handler.
async def factory(source):
    async def inner(request):
        return web.Response(text=await request.text())

    source.read()
    return inner
