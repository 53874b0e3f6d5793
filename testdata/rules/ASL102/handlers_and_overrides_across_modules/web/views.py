from aiohttp import web


# Quiet: a helper that turns what another module gives it (a
# requests.Response) into an aiohttp response; its parameter is not named
# for a request, and its callers are elsewhere.
async def to_response(upstream):
    return web.json_response(upstream.json(), status=upstream.status_code)


# Fires: a handler, its parameter named for the request.
async def submit(web_request):
    data = web_request.post()  # want: ASL102
    return web.Response(text=str(data))
