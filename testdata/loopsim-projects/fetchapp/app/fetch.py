import asyncio

from . import client as client_mod
from .config import LATENCY


async def fetch_one(client, endpoint):
    data = await client.get(endpoint)
    return data["size"]


async def fetch_all(base):
    client = client_mod.Client(base)
    await client.connect()
    sizes = await asyncio.gather(*(fetch_one(client, e) for e in sorted(LATENCY)))
    return sum(sizes)
