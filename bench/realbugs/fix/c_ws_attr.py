# Reduced shape of https://github.com/fbradyirl/webex_bot/issues/6
# (websockets: send on a connection bound by `async with ... as self.websocket`); not the project's code.
import json

import websockets


class Listener:
    def __init__(self, url):
        self.url = url
        self.websocket = None

    async def ack(self, msg_id):
        message = {"type": "ack", "id": msg_id}
        await self.websocket.send(json.dumps(message))

    async def run(self):
        async with websockets.connect(self.url) as self.websocket:
            async for raw in self.websocket:
                await self.ack(json.loads(raw)["id"])
