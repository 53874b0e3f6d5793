# Reduced shape of https://github.com/miguelgrinberg/python-socketio/issues/172
# (aiohttp: send_bytes on a socket kept in an annotated attribute); not the project's code.
from aiohttp import web


class WebSocket:
    def __init__(self, sock: web.WebSocketResponse):
        self._sock = sock

    async def send(self, message):
        if isinstance(message, bytes):
            self._sock.send_bytes(message)
        else:
            await self._sock.send_str(message)
