# A synchronous method that keeps a coroutine in an attribute and returns
# the attribute (`if not hasattr(self, "_row"): self._row = ...; return
# self._row`) hands out that coroutine: its callers get a coroutine
# object, not the row, as from `return self.pool.fetchrow(...)`.
import asyncpg


class Rooms:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT * FROM rooms WHERE id = $1", 1)
        return self._room

    def always(self):
        self._last = self._load()
        return self._last

    async def _load(self):
        return await self.pool.fetch("SELECT 1")

    def name_sync(self):
        room = self.room()  # want: ASL102 "coroutine `self.room\(\)` is never awaited: it is stored in `room` and subscripted as if it were its result"
        return room["name"]

    async def name(self):
        room = self.room()  # want: ASL102 "coroutine `self.room\(\)` is never awaited: it is stored in `room` and subscripted as if it were its result; add `await`"
        return room["name"]

    async def dropped(self):
        self.always()  # want: ASL102 "coroutine `self.always\(\)` is never awaited: its result is discarded"

    # Quiet: awaited, or handed on.
    async def awaited(self):
        room = await self.room()
        return room["name"], await self.always()

    def handed_on(self):
        return self.room()


# Quiet: an attribute that may hold something else when it is returned.
class Elsewhere:
    # Also stored, awaited, by another method.
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if not hasattr(self, "_room"):
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room

    async def refresh(self):
        self._room = await self.pool.fetchrow("SELECT 1")

    async def name(self):
        room = self.room()
        return room["name"]


class DefaultNone:
    # A class-level default: the attribute is None until the method stores.
    _room = None

    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def room(self):
        if self.pool.is_closing():
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room

    async def name(self):
        room = self.room()
        return room["name"]


class Base:
    def __init__(self):
        self._room = {"name": "lobby"}


class Derived(Base):
    # A base class of the project stores a plain value there.
    def __init__(self, pool: asyncpg.Pool):
        super().__init__()
        self.pool = pool

    def room(self):
        if self.pool.is_closing():
            self._room = self.pool.fetchrow("SELECT 1")
        return self._room

    async def name(self):
        room = self.room()
        return room["name"]


class PlainMemo:
    # The memoised value is the result of a synchronous call.
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    def size(self):
        if not hasattr(self, "_size"):
            self._size = self.pool.get_size()
        return self._size

    async def report(self):
        size = self.size()
        return size + 1
