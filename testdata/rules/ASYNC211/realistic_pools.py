import asyncio
from typing import Optional

import urllib3
from urllib3 import PoolManager

http = urllib3.PoolManager(num_pools=4)


class Downloader:
    def __init__(self, pool: Optional[urllib3.PoolManager] = None) -> None:
        self.pool = pool or PoolManager()

    async def fetch(self, url: str) -> bytes:
        resp = self.pool.request("GET", url, preload_content=True)  # want: ASYNC211
        return resp.data

    async def post(self, url: str, body: bytes) -> int:
        return self.pool.urlopen("POST", url, body=body).status  # want: ASYNC211


async def module_pool(url: str) -> int:
    return http.request("HEAD", url).status  # want: ASYNC211


async def by_signature(conn, url: str) -> int:
    # Unknown receiver: the HTTP-verb signature in a urllib3 module.
    return conn.request("GET", url).status  # want: ASYNC211


async def good(url: str) -> bytes:
    # Quiet: run in a worker thread, or not an HTTP verb.
    resp = await asyncio.to_thread(http.request, "GET", url)
    other = await asyncio.to_thread(lambda: http.request("GET", url))
    return resp.data + other.data


async def rpc(client, url: str):
    # Quiet: not an HTTP verb; awaited.
    client.request("lookup", url)
    return await client.request("GET", url)


def sync_fetch(url: str) -> bytes:
    return http.request("GET", url).data
