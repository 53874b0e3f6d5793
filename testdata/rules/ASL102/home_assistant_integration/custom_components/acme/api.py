"""A small client of the Acme device's HTTP API."""
from __future__ import annotations

import aiohttp


class AcmeError(Exception):
    """The device did not answer."""


class AcmeApi:
    def __init__(self, session: aiohttp.ClientSession, host: str) -> None:
        self._session = session
        self._host = host

    async def fetch(self) -> dict:
        async with self._session.get(f"http://{self._host}/state") as resp:
            return await resp.json()

    async def set_power(self, on: bool) -> None:
        async with self._session.post(f"http://{self._host}/power", json={"on": on}) as resp:
            resp.raise_for_status()
