import asyncio
from typing import Optional

import aiohttp


class ApiClient:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def get_json(self, url: str, timeout: float = 10.0) -> dict:  # want: ASYNC109
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            async with self.session.get(url) as resp:
                if resp.status == 200:
                    return await resp.json()
            await asyncio.sleep(1)
        raise TimeoutError(url)

    async def post(self, url: str, body: dict, timeout: Optional[float] = None) -> dict:
        # Quiet: the timeout is handed to asyncio's own machinery.
        return await asyncio.wait_for(self._post(url, body), timeout=timeout)

    async def _post(self, url: str, body: dict) -> dict:
        async with self.session.post(url, json=body) as resp:
            return await resp.json()

    async def delete(self, url: str, timeout: float = 5) -> None:
        # Quiet: asyncio.timeout implements it.
        async with asyncio.timeout(timeout):
            await self.session.delete(url)

    async def head(self, url: str, timeout: float = 5) -> int:
        # Quiet: delegated to the library's own timeout keyword.
        async with self.session.head(url, timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
            return resp.status


async def wait_until_ready(probe, *, timeout: float) -> bool:  # want: ASYNC109
    for _ in range(int(timeout)):
        if await probe():
            return True
        await asyncio.sleep(1)
    return False


async def with_deadline(probe, timeout_seconds: float) -> bool:
    # Quiet: only a parameter named exactly `timeout` is reported.
    await asyncio.sleep(timeout_seconds)
    return await probe()


def sync_with_timeout(timeout: float = 1.0) -> None:
    # Quiet: not async.
    print(timeout)
