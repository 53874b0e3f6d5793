# A bare coroutine has no __aenter__: `async with f(...)` of a project
# `async def` (or of a library coroutine function pylib records as returning
# a bare coroutine, bleak-retry-connector's establish_connection) raises
# TypeError before anything runs, and the coroutine is never awaited
# (realbugs69: a Home Assistant BLE integration wrote `async with
# establish_connection(BleakClientWithServiceCache, device, name) as
# client:`, fixed to `client = await establish_connection(...)`).
import contextlib

import aiohttp
from bleak_retry_connector import BleakClientWithServiceCache, establish_connection


async def connect(address):
    return address


async def monitor(device):
    async with establish_connection(BleakClientWithServiceCache, device, "probe", max_attempts=3) as client:  # want: ASL102 "it is entered with `async with` \(a coroutine object is not an asynchronous context manager\); await it for its result instead"
        await client.start_notify("uuid", None)


async def own(address):
    async with connect(address) as conn:  # want: ASL102 "coroutine `connect\(\)` is never awaited: it is entered with `async with`"
        print(conn)
    async with connect(address):  # want: ASL102 "entered with `async with`"
        pass


# Quiet: awaited, then used.
async def monitor_awaited(device):
    client = await establish_connection(BleakClientWithServiceCache, device, "probe")
    await client.start_notify("uuid", None)


# Quiet: a library awaitable that is an async context manager too.
async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return await resp.text()


# Quiet: an async generator made a context manager by its decorator.
@contextlib.asynccontextmanager
async def opened(address):
    yield address


async def use_opened(address):
    async with opened(address) as conn:
        print(conn)


# Quiet: a project class with the async protocol.
class Session:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def use_session():
    async with Session() as s:
        print(s)
