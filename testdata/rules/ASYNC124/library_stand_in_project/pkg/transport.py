try:
    import websockets.asyncio.server
except ImportError:
    # A browser has no sockets to serve on: the stand-in mirrors the API.
    import pkg.pyodide_websockets as websockets


async def start(host, port, handler):
    return await websockets.asyncio.server.serve(handler, host, port)
