# A synchronous method that memoises a coroutine in an attribute of self
# (`if not hasattr(self, "_room"): self._room = ...; return self._room`)
# hands every caller the same coroutine object, which can be awaited only
# once: adding `await` at a caller fails from the second call on. When every
# call of the method in the module uses the value as the result (or drops
# it), the coroutine is reported once, where the method makes and memoises
# it, and those calls are not reported again. Otherwise the calls are judged
# where they are, as calls of a coroutine factory
# (memoised_coroutine_attributes.py).
import asyncpg


class Rooms:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT * FROM rooms WHERE id = $1", 1)  # want: ASL102 "coroutine `self.pool.fetchrow\(\)` is never awaited: it is memoised in `self._room` and returned by the synchronous `room\(\)` \(a coroutine can be awaited only once, so await it where it is made\), and at line 24 it is stored in `room` and subscripted as if it were its result"
        return self._room

    def name(self):
        # Both calls use the value as the row: one finding, above.
        room = self.room()
        return room["name"]

    async def title(self):
        return self.room()["title"]


class Counters:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def total(self):
        if not hasattr(self, "_total"):
            self._total = self.pool.fetchval("SELECT count(*) FROM rooms")  # want: ASL102 "memoised in `self._total` .* at line 41 its result is discarded"
        return self._total

    def refresh(self):
        self.total()


# Quiet where it is made: a call that awaits, returns or hands the value
# on, or a name used otherwise; the misusing calls are reported instead.
class OneAwaits:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room

    async def fresh(self):
        return await self.room()

    async def name(self):
        room = self.room()  # want: ASL102 "coroutine `self.room\(\)` is never awaited"
        return room["name"]


class PassedAsCallback:
    def __init__(self, pool: asyncpg.Pool, loader):
        self.pool = pool
        loader.register(self.room)

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room

    async def name(self):
        room = self.room()  # want: ASL102 "coroutine `self.room\(\)` is never awaited"
        return room["name"]


class Uncalled:
    # No call in the module: callers elsewhere are judged where they are.
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room


def outside(rooms: Uncalled):
    return rooms.room()
