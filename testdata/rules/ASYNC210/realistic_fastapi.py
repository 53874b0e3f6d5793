"""A FastAPI service that proxies a couple of upstream APIs."""
from __future__ import annotations

import asyncio
import functools
import logging
from typing import Optional

import httpx
import requests
import requests as http
from fastapi import APIRouter, Depends, FastAPI, HTTPException
from requests import Session
from requests import get as http_get
from requests.exceptions import RequestException
from urllib.request import urlopen, Request

log = logging.getLogger(__name__)
app = FastAPI()
router = APIRouter(prefix="/v1")

UPSTREAM = "https://api.example.com"
TIMEOUT = 5.0


def get_session() -> Session:
    return Session()


@app.get("/users/{user_id}")
async def get_user(user_id: int):
    try:
        resp = requests.get(f"{UPSTREAM}/users/{user_id}", timeout=TIMEOUT)  # want: ASYNC210
        resp.raise_for_status()
    except RequestException as exc:
        log.warning("upstream failed: %s", exc)
        raise HTTPException(status_code=502) from exc
    return resp.json()


@router.post("/orders")
async def create_order(payload: dict):
    r = http.post(UPSTREAM + "/orders", json=payload)  # want: ASYNC210
    if r.status_code != 201:
        raise HTTPException(status_code=r.status_code)
    return {"id": r.json()["id"]}


@router.get("/health")
async def health():
    ok = http_get(UPSTREAM + "/health").ok  # want: ASYNC210
    return {"upstream": ok}


@router.get("/legacy")
async def legacy(session: Session = Depends(get_session)):
    return session.get(UPSTREAM + "/legacy").json()  # want: ASYNC210


@router.get("/raw")
async def raw():
    req = Request(UPSTREAM + "/raw", headers={"Accept": "text/plain"})
    with urlopen(req, timeout=3) as fh:  # want: ASYNC210
        return fh.read().decode()


class WeatherClient:
    """Wraps the weather API; written before the team moved to asyncio."""

    base_url: str = "https://weather.example.com"

    def __init__(self, api_key: str, session: Optional[requests.Session] = None) -> None:
        self.api_key = api_key
        self.session = session or requests.Session()
        self.session.headers["X-Key"] = api_key

    async def current(self, city: str) -> dict:
        resp = self.session.get(f"{self.base_url}/now", params={"q": city})  # want: ASYNC210
        return resp.json()

    async def forecast(self, city: str, days: int = 3) -> dict:
        loop = asyncio.get_running_loop()
        # Quiet: run in the default executor by reference / through partial / lambda.
        fetch = functools.partial(self.session.get, f"{self.base_url}/fc", params={"q": city, "d": days})
        resp = await loop.run_in_executor(None, fetch)
        resp2 = await loop.run_in_executor(None, lambda: self.session.get(self.base_url))
        return {**resp.json(), **resp2.json()}

    async def alerts(self, city: str) -> list:
        # Quiet: to_thread with the bound method by reference.
        resp = await asyncio.to_thread(self.session.get, f"{self.base_url}/alerts", params={"q": city})
        return resp.json()["alerts"]

    def sync_current(self, city: str) -> dict:
        # Quiet: a plain method may block.
        return self.session.get(f"{self.base_url}/now", params={"q": city}).json()


async def ping_all(urls: list[str]) -> list[int]:
    codes = [requests.head(u).status_code for u in urls]  # want: ASYNC210
    return codes


async def retrying_fetch(url: str, attempts: int = 3) -> bytes:
    for attempt in range(attempts):
        try:
            with requests.Session() as s:
                return s.get(url, stream=True).content  # want: ASYNC210
        except RequestException:
            await asyncio.sleep(2**attempt)
    raise RuntimeError(url)


async def async_proper(url: str) -> dict:
    # Quiet: the async client.
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        resp = await client.get(url)
        resp.raise_for_status()
        return resp.json()


async def dict_lookups(cache: dict, headers: dict, params: Optional[dict] = None):
    # Quiet: .get/.post on things that are not HTTP clients.
    token = headers.get("authorization")
    page = (params or {}).get("page", 1)
    return cache.get(token), page


async def shadowing(url: str):
    # Quiet: a local named requests is not the library.
    requests = httpx.AsyncClient()
    try:
        return await requests.get(url)
    finally:
        await requests.aclose()


def background_refresh(url):
    # Quiet: a sync function, run in a thread elsewhere.
    def inner():
        return requests.get(url).json()

    return inner()


if __name__ == "__main__":
    print(requests.get(UPSTREAM).status_code)


class Annotated:
    session: requests.Session

    def __init__(self) -> None:
        self.other: Optional[Session] = None

    async def ping(self) -> int:
        a = self.session.get(UPSTREAM).status_code  # want: ASYNC210
        b = self.other.get(UPSTREAM).status_code if self.other else 0  # want: ASYNC210
        return a + b


class RetryingSession(requests.Session):
    retries = 3

    def fetch(self, url: str) -> bytes:
        return self.get(url).content


class Service:
    def __init__(self) -> None:
        self.http = RetryingSession()

    async def run(self, url: str) -> int:
        resp = self.http.post(url, data=b"")  # want: ASYNC210
        n = self.http.retries
        return resp.status_code + n
