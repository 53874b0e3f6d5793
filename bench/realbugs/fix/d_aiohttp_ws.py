# Reduced shape of https://github.com/aio-libs/sockjs/pull/191
# (aiohttp: WebSocketResponse.send_str without await); not the project's code.
from aiohttp import web


async def handler(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    async for msg in ws:
        text = msg.data.upper()
        await ws.send_str(text)
    return ws
