import asyncio

from .base import Transport


class TcpTransport(Transport):
    # The base class, in another module, fixes the signature: quiet.
    async def send(self, data, timeout=None):
        await asyncio.sleep(0)


async def fetch(url, timeout=5):  # want: ASYNC109
    await asyncio.sleep(0)
