import asyncio
from typing import Optional

import httpx
from httpx import Client as SyncClient


class GitHubService:
    def __init__(self, token: str, client: Optional[httpx.Client] = None):
        self.client = client or httpx.Client(base_url="https://api.github.com", headers={"Authorization": token})
        self.aclient = httpx.AsyncClient(base_url="https://api.github.com")

    async def repo(self, name: str) -> dict:
        resp = self.client.get(f"/repos/{name}")  # want: ASYNC212
        resp.raise_for_status()
        return resp.json()

    async def star(self, name: str) -> None:
        self.client.put(f"/user/starred/{name}")  # want: ASYNC212

    async def issues(self, name: str) -> list:
        # Quiet: the async client, awaited.
        resp = await self.aclient.get(f"/repos/{name}/issues")
        return resp.json()

    async def close(self) -> None:
        await self.aclient.aclose()


async def download(url: str, dest: "httpx.Client") -> bytes:
    return dest.get(url).content  # want: ASYNC212


async def stream_lines(url: str):
    with SyncClient() as client:
        with client.stream("GET", url) as response:  # want: ASYNC212
            for line in response.iter_lines():
                yield line


async def good(url: str) -> int:
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as response:
            return response.status_code


def sync_only(url: str) -> int:
    # Quiet: plain function.
    with httpx.Client() as client:
        return client.get(url).status_code


async def in_thread(url: str) -> int:
    client = httpx.Client()
    # Quiet: handed to a thread by reference.
    resp = await asyncio.to_thread(client.get, url)
    return resp.status_code


async def shutdown(service: GitHubService) -> None:
    service.client.close()  # want: ASYNC212
    await service.aclient.aclose()


class ApiClient(httpx.Client):
    def __init__(self, token: str) -> None:
        super().__init__(base_url="https://api.example.com", headers={"Authorization": token})

    def me(self) -> dict:
        return self.get("/me").json()


async def whoami(token: str) -> dict:
    api = ApiClient(token)
    profile = api.get("/profile")  # want: ASYNC212
    return profile.json()


async def whoami_helper(token: str) -> dict:
    return ApiClient(token).me()  # want: ASL201
