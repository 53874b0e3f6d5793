# Quiet: a stand-in for websockets.asyncio.server, whose serve() callers
# await; it must stay a coroutine function.
class Server:
    def __init__(self, *args, **kwargs):
        raise RuntimeError("Web sockets in web browsers can not be used as servers")


async def serve(*args, **kwargs) -> Server:
    return Server()
