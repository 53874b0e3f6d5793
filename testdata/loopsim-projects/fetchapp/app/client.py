import asyncio

from app.config import CONNECT, LATENCY


class Client:
    def __init__(self, base):
        self.base = base
        self.connected = False

    async def connect(self):
        await asyncio.sleep(CONNECT)
        self.connected = True

    async def get(self, endpoint):
        # Stands in for a network round trip of the endpoint's latency.
        await asyncio.sleep(LATENCY[endpoint])
        return {"url": self.base + "/" + endpoint, "size": len(endpoint)}
