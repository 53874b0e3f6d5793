# upstream: tests/eval_files/async212.py @ 1ade92f0427a9950b8299789e0d05f877af876e0
# codes: ASYNC212
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# As upstream, `httpx` and `httpx2` are not imported: an unbound module name
# is read as that module.
from typing import Optional

import urllib3


async def client_methods():
    client = httpx.Client()
    client.close()  # want: ASYNC212
    client.delete("u")  # want: ASYNC212
    client.get("u")  # want: ASYNC212
    client.head("u")  # want: ASYNC212
    client.options("u")  # want: ASYNC212
    client.patch("u")  # want: ASYNC212
    client.post("u")  # want: ASYNC212
    client.put("u")  # want: ASYNC212
    client.request("GET", "u")  # want: ASYNC212
    client.send(None)  # want: ASYNC212
    client.stream("GET", "u")  # want: ASYNC212

    client.unknown()
    client.build_request("GET", "u")
    client.is_closed


async def annotated_param(client: httpx.Client):
    client.send(None)  # want: ASYNC212


async def optional_left(client: None | httpx.Client):
    client.send(None)  # want: ASYNC212


async def optional_right(client: httpx.Client | None):
    client.send(None)  # want: ASYNC212


async def optional_typing(client: Optional[httpx.Client]):
    client.send(None)  # want: ASYNC212


async def annotated_local(make):
    client: httpx.Client = make()
    client.send(None)  # want: ASYNC212


shared = httpx.Client()


async def module_client():
    shared.send(None)  # want: ASYNC212


def sync_module_client():
    shared.send(None)


async def httpx2_methods():
    client = httpx2.Client()
    client.get("u")  # want: ASYNC212
    client.send(None)  # want: ASYNC212
    client.stream("GET", "u")  # want: ASYNC212
    client.build_request("GET", "u")


async def httpx2_param(client: httpx2.Client):
    client.send(None)  # want: ASYNC212


async def pools(make):
    pool: urllib3.HTTPConnectionPool = make()
    pool.urlopen("GET", "/")  # differs: ASYNC212 -- reported once, as ASYNC211 (urllib3 pool request)
    manager: urllib3.PoolManager = make()
    manager.request("GET", "u")  # differs: ASYNC212 -- reported once, as ASYNC211 (urllib3 pool request)


# Names are resolved (upstream: not implemented).
from httpx import Client as ImportedClient


async def imported_client():
    client: ImportedClient = ImportedClient()
    client.send()  # extra: ASYNC212 -- `from httpx import Client` is followed (upstream: not implemented)


# A module-level name given two types has no known type.
twice = httpx.Client()


async def twice_typed():
    twice.send()  # differs: ASYNC212 -- a name given two types is not tracked statement by statement


twice: int = 4


async def unbound_optional(client: Optionally[httpx.Client]):
    client.send()  # differs: ASYNC212 -- `Optionally` is bound nowhere: a NameError, not typing's
