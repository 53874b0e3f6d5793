# A loop variable takes the type every element of the iterable has, where
# that is known: the items of a display (or of a name bound once to one),
# of a container annotated `list[X]`, `set[X]`, `Sequence[X]`...; the keys,
# values or items of an annotated mapping; `enumerate` and `zip` of such
# iterables; also in comprehensions. Anything else leaves it unknown.
from typing import Dict, List, Sequence

import aiohttp


class Client:
    async def fetch(self):
        pass

    def close(self):
        pass


CLIENTS = [Client(), Client()]

POOLS = {"default": aiohttp.ClientSession(), "uploads": aiohttp.ClientSession()}


class Hub:
    def __init__(self):
        self.clients: Dict[str, Client] = {}
        self.sessions: List[aiohttp.ClientSession] = []

    async def fires(self, items: list[Client], by_name: dict[str, Client], seq: Sequence[Client]):
        for c in items:
            c.fetch()  # want: ASL102
        for name, c in by_name.items():
            c.fetch()  # want: ASL102
        for c in self.clients.values():
            c.fetch()  # want: ASL102
        for i, s in enumerate(self.sessions):
            s.close()  # want: ASL102
        for a, b in zip(seq, self.sessions):
            a.fetch()  # want: ASL102
            b.close()  # want: ASL102
        for c in [Client(), Client()]:
            c.fetch()  # want: ASL102
        for n, c in [("a", Client()), ("b", Client())]:
            c.fetch()  # want: ASL102
        for c in CLIENTS:
            c.fetch()  # want: ASL102
        for s in POOLS.values():
            s.close()  # want: ASL102
        for name, s in POOLS.items():
            s.close()  # want: ASL102
        [c.fetch() for c in items]  # want: ASL102

    async def quiet(self, items: list[Client], by_name: dict[str, Client], anything, pairs: list[tuple]):
        # Quiet: awaited.
        for c in items:
            await c.fetch()
        # Quiet: a synchronous method.
        for c in items:
            c.close()
        # Quiet: iterating a mapping gives its keys (str).
        for k in by_name:
            k.fetch()
        for k in by_name.keys():
            k.fetch()
        # Quiet: the iterable's elements are not known.
        for x in anything:
            x.fetch()
        for p, q in pairs:
            p.fetch()
        # Quiet: the display's items disagree.
        for y in [Client(), aiohttp.ClientSession()]:
            y.close()
        # Quiet: the loop variable is also bound otherwise.
        z = None
        for z in items:
            pass
        z = make()
        z.fetch()
        # Quiet: the keys of a dict display are not followed.
        for name, s in POOLS.items():
            name.close()
        # Quiet: enumerate's first element is the index.
        for i, c in enumerate(items):
            i.fetch()
        # Quiet: `async for` elements come from __aiter__.
        async for m in aiter_of(items):
            m.fetch()


def make():
    return object()


def aiter_of(items):
    return items
