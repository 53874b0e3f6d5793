# A list filled one item at a time keeps the items its adds give when the
# module also reads it by index or slice: `self.clients[0]` is an
# httpx.AsyncClient, and reading an item does not make the items unknown
# for the loop over the list either.
import httpx


class Fanout:
    def __init__(self):
        self.clients = []

    def add(self, base_url):
        self.clients.append(httpx.AsyncClient(base_url=base_url))

    def first(self):
        return self.clients[0].get("/health").status_code  # want: ASL102 "coroutine `self\.clients\[0\]\.get\(\)` is never awaited"

    def rest(self):
        return self.clients[1:]

    def close_all(self):
        for client in self.clients:
            client.aclose()  # want: ASL102


def local_list():
    pool = []
    pool.append(httpx.AsyncClient())
    pool[-1].get("/")  # want: ASL102


class Replaced:
    # Quiet: an item stored by index may be anything.
    def __init__(self):
        self.clients = []

    def add(self):
        self.clients.append(httpx.AsyncClient())

    def swap(self, other):
        self.clients[0] = other

    def first(self):
        self.clients[0].get("/")


def deleted():
    # Quiet: an item deleted by index counts as a store too (the list is
    # touched other than by adds and reads).
    pool = []
    pool.append(httpx.AsyncClient())
    del pool[0]
    for c in pool:
        c.get("/")


def awaited():
    # Quiet: awaited.
    async def go():
        pool = []
        pool.append(httpx.AsyncClient())
        await pool[0].get("/")
    return go
