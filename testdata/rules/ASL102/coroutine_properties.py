# A property whose getter returns a coroutine gives a new one at each read:
# using the read as the result (or dropping it) never runs the coroutine.
import asyncio


class Store:
    async def _fetch(self):
        return {"x": 1}

    @property
    def data(self):
        return self._fetch()

    @property
    def size(self):
        return 3


async def subscripted(store: Store):
    return store.data["x"]  # want: ASL102 "property `store.data` gives a coroutine \(its getter `Store.data\(\)` returns one\) that is never awaited: it is subscripted as if it were its result"


async def dropped(store: Store):
    store.data  # want: ASL102 "its result is discarded"


def from_sync(store: Store):
    return len(store.data)  # want: ASL102 "passed to `len\(\)`"


# Quiet: awaited, scheduled, stored and awaited later, a property that is
# no coroutine, a property handed on from a sync function.
async def quiet(store: Store):
    first = (await store.data)["x"]
    task = asyncio.create_task(store.data)
    pending = store.data
    second = await pending
    return first, await task, second, store.size


def handed_on(store: Store):
    return store.data
