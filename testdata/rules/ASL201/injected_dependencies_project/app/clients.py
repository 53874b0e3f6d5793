import httpx
import requests


class ApiClient:
    def __init__(self, base_url="https://api.example.com"):
        self.base_url = base_url
        self._session = requests.Session()

    def fetch(self, path):
        return self._session.get(f"{self.base_url}/{path}").json()

    def close(self):
        self._session.close()


_shared_http = httpx.AsyncClient()


class AsyncApiClient:
    def __init__(self, client, base_url="https://api.example.com"):
        self.base_url = base_url
        self._client = client

    async def fetch(self, path):
        response = await self._client.get(f"{self.base_url}/{path}")
        return response.json()


def get_client():
    return ApiClient()


def client_session():
    client = ApiClient()
    try:
        yield client
    finally:
        client.close()


async def get_async_client():
    return AsyncApiClient(_shared_http)
