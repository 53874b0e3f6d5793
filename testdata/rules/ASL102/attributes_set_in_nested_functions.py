# self.ATTR assigned inside a function nested in a method (the connect
# coroutine a sync run() defines) types the attribute for every method.
import asyncio

import websockets


class Client:
    def __init__(self):
        self.websocket = None

    def ack(self, message_id):
        self.websocket.send(message_id)  # want: ASL102

    def ack_run(self, message_id):
        asyncio.run(self.websocket.send(message_id))

    def run(self, url):
        async def _connect_and_listen():
            async with websockets.connect(url) as _websocket:
                self.websocket = _websocket
                await self.websocket.send("hello")

        asyncio.run(_connect_and_listen())


class Shadowed:
    """A nested function with its own `self` parameter is not the method's."""

    def __init__(self):
        self.websocket = None

    def ack(self, message_id):
        self.websocket.send(message_id)

    def run(self, url):
        def build(self, ws):
            self.websocket = ws

        async def _connect():
            async with websockets.connect(url) as ws:
                build(object(), ws)

        asyncio.run(_connect())
