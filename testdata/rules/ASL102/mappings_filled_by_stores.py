# A dict bound to an empty mapping and filled one value at a time holds what
# was stored: an item read gives one of those values (realbugs48
# asyncpushbullet: `self._aio_sessions = {}` in __init__,
# `self._aio_sessions[loop] = session` with an aiohttp ClientSession, then
# `self._aio_sessions[loop].close()` in `async def close`, never awaited).
# As for the containers filled by adds, any access to an attribute of that
# name elsewhere in the module (another class's `self.<name>` included)
# leaves the values unknown: each class below has its own attribute.
import asyncio
import collections

import aiohttp


class Client:
    def __init__(self):
        self._sessions = {}  # one aiohttp session per event loop
        self._by_name = dict()

    async def session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_event_loop()
        session = self._sessions.get(loop)
        if session is None:
            session = aiohttp.ClientSession()
            self._sessions[loop] = session
        return session

    async def close(self):
        loop = asyncio.get_event_loop()
        if loop in self._sessions:
            self._sessions[loop].close()  # want: ASL102 "coroutine `self\._sessions\[loop\]\.close\(\)` is never awaited"
            del self._sessions[loop]

    def close_other(self, loop):
        session = self._sessions.get(loop)
        if session is not None:
            session.close()  # want: ASL102

    def add(self, name):
        self._by_name.setdefault(name, aiohttp.ClientSession())

    def drop(self, name):
        self._by_name.pop(name).close()  # want: ASL102


_pools = collections.OrderedDict()


def remember(name):
    _pools[name] = aiohttp.ClientSession()


def forget(name):
    _pools[name].close()  # want: ASL102


# Quiet: the values are awaited, or the mapping may hold anything else.


class Awaited:
    def __init__(self):
        self._s_awaited = {}

    async def open(self, key):
        self._s_awaited[key] = aiohttp.ClientSession()

    async def close(self, key):
        await self._s_awaited[key].close()
        await self._s_awaited.pop(key).close()


class Mixed:
    """Values of two types: an item is either."""

    def __init__(self):
        self._things = {}

    def put(self, key, thing):
        self._things[key] = thing

    async def open(self, key):
        self._things[key] = aiohttp.ClientSession()

    def close(self, key):
        self._things[key].close()


class Updated:
    """update() may store anything."""

    def __init__(self, others):
        self._s_updated = {}
        self._s_updated.update(others)

    async def open(self, key):
        self._s_updated[key] = aiohttp.ClientSession()

    def close(self, key):
        self._s_updated[key].close()


class HandedOut:
    """The mapping is handed to another function, which may fill it."""

    def __init__(self, registry):
        self._s_handedout = {}
        registry.register(self._s_handedout)

    async def open(self, key):
        self._s_handedout[key] = aiohttp.ClientSession()

    def close(self, key):
        self._s_handedout[key].close()


class Defaulted:
    """A defaultdict makes its own values."""

    def __init__(self):
        self._s_defaulted = collections.defaultdict(list)

    async def open(self, key):
        self._s_defaulted[key] = aiohttp.ClientSession()

    def close(self, key):
        self._s_defaulted[key].close()


class Reassigned:
    """Bound to another mapping elsewhere: its values are unknown."""

    def __init__(self, initial):
        self._s_reassigned = {}

    def reset(self, initial):
        self._s_reassigned = initial

    async def open(self, key):
        self._s_reassigned[key] = aiohttp.ClientSession()

    def close(self, key):
        self._s_reassigned[key].close()


class Incremented:
    """`d[k] += ...` stores what the operator gives."""

    def __init__(self):
        self._s_incremented = {}

    async def open(self, key):
        self._s_incremented[key] = aiohttp.ClientSession()
        self._s_incremented[key] += 1

    def close(self, key):
        self._s_incremented[key].close()


class GetWithDefault:
    """A default of another type: `get` gives either."""

    def __init__(self):
        self._s_getwithdefault = {}

    async def open(self, key):
        self._s_getwithdefault[key] = aiohttp.ClientSession()

    def close(self, key, fallback):
        self._s_getwithdefault.get(key, fallback).close()
