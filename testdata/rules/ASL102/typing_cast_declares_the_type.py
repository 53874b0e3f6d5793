# `typing.cast(T, value)` declares the value a T: `cast(AsyncClient, ...)`
# is an httpx.AsyncClient whatever the value is, and a cast to a type the
# analysis cannot name (Any) is the value itself.
import typing
from typing import Any, Optional, cast

import httpx
import requests


def make_client():
    return httpx.AsyncClient()


class Service:
    def __init__(self, registry):
        self.http = cast(httpx.AsyncClient, registry["http"])
        self.other = typing.cast("httpx.AsyncClient", registry["other"])
        self.made = cast(Any, make_client())
        self.opt = cast(Optional[httpx.AsyncClient], registry.get("opt"))

    def ping(self):
        self.http.get("/ping")  # want: ASL102 "coroutine `self\.http\.get\(\)` is never awaited"
        self.other.get("/ping")  # want: ASL102
        self.made.get("/ping")  # want: ASL102
        self.opt.get("/ping")  # want: ASL102


def quiet(registry):
    # Quiet: a synchronous client, and a cast to Any of an unknown value.
    s = cast(requests.Session, registry["s"])
    s.get("/")
    u = cast(Any, registry["u"])
    u.get("/")


async def awaited(registry):
    # Quiet: awaited.
    c = cast(httpx.AsyncClient, registry["c"])
    await c.get("/")
