# An untyped parameter of a constructor takes the type every construction
# of the project passes it, the module's own constructions included
# (`Notifier(httpx.AsyncClient())` below): `self.client.post(...)` in a
# synchronous method is a coroutine call left unawaited.
import httpx
import requests


class Notifier:
    def __init__(self, client):
        self.client = client

    def notify(self, text):
        self.client.post("/notify", json={"text": text})  # want: ASL102 "coroutine `self\.client\.post\(\)` is never awaited"


class Pinger:
    def __init__(self, client):
        self.client = client

    def ping(self):
        return self.client.get("/ping").status_code  # want: ASL102


class Mixed:
    # Quiet: a subclass that inherits this __init__ is constructed with a
    # requests.Session (a class used as a base is used as a value: what
    # its constructions pass is not taken at all).
    def __init__(self, client):
        self.client = client

    def ping(self):
        self.client.get("/ping")


class SyncMixed(Mixed):
    pass


class Awaiting:
    # Quiet: the same client, awaited.
    def __init__(self, client):
        self.client = client

    async def ping(self):
        await self.client.get("/ping")


class Disagree:
    # Quiet: the module's two constructions pass different types.
    def __init__(self, client):
        self.client = client

    def ping(self):
        self.client.get("/ping")


class Called:
    # Calling an instance runs __call__, not __init__: the requests.Session
    # `called(...)` passes is no construction's.
    def __init__(self, client):
        self.client = client

    def __call__(self, other):
        return other

    def ping(self):
        self.client.get("/ping")  # want: ASL102


notifier = Notifier(httpx.AsyncClient())
pinger = Pinger(httpx.AsyncClient())
mixed = Mixed(httpx.AsyncClient())
sync_mixed = SyncMixed(requests.Session())
awaiting = Awaiting(httpx.AsyncClient())
called = Called(httpx.AsyncClient())
disagree = Disagree(httpx.AsyncClient())
disagree2 = Disagree(requests.Session())
called(requests.Session())
