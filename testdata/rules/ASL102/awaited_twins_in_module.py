# A callee the library tables do not record, or reached through a receiver
# of unknown type, is taken for a coroutine function when the module's
# coroutines await it at least twice and never use it any other way: the one
# call left un-awaited is the deviant one.
import asyncio
import inspect

import requests
from vendored_sdk import Server, make_client, other_client


class Agent:
    def __init__(self, url):
        self._server = Server(url)
        self._client = make_client(url)

    async def tools(self):
        return await self._server.list_tools()

    async def names(self):
        return [t.name for t in await self._server.list_tools()]

    async def describe(self):
        for tool in self._server.list_tools():  # want: ASL102
            print(tool)

    async def fetch_one(self, key):
        return await self._client.fetch(key)

    async def fetch_two(self, a, b):
        return await asyncio.gather(self._client.fetch(a), self._client.fetch(b))

    async def refresh(self, key):
        if self._client.fetch(key):  # want: ASL102
            print("fetched")


class Holder:
    def __init__(self, backend):
        self._backend = backend

    async def load(self, key):
        return await self._backend.load(key)

    async def load_many(self, keys):
        return [await self._backend.load(k) for k in keys]

    async def preload(self, key):
        self._backend.load(key)  # want: ASL102


async def poll(server: Server):
    await server.ping()
    await server.ping()
    server.ping()  # want: ASL102


# Quiet: also called from synchronous code (a dual-mode API).
def sync_status(server: Server):
    return server.status()


async def status_twice(server: Server):
    await server.status()
    await server.status()
    server.status()


# Quiet: its un-awaited result is used as a value twice.
async def batch(server: Server, items):
    await server.submit(items[0])
    await server.submit(items[1])
    job = server.submit(items[2])
    other = server.submit(items[3])
    return job.id, other.id


# Quiet: work that runs without an await (futures, executors).
async def offload(loop, server: Server):
    await loop.run_in_executor(None, print)
    await loop.run_in_executor(None, print)
    loop.run_in_executor(None, print)
    fut = loop.create_future()
    await asyncio.ensure_future(server.close())
    await asyncio.ensure_future(server.close())
    asyncio.ensure_future(server.close())
    return fut


# Quiet: a method the module defines as synchronous (maybe returning a Future).
class Poller:
    def wait_ready(self):
        return asyncio.get_running_loop().create_future()


async def ready(server: Server):
    await server.wait_ready()
    await server.wait_ready()
    server.wait_ready()


# Quiet: a function that asks what kind of callable it has.
async def call_maybe(server: Server, key):
    await server.lookup(key)
    await server.lookup(key)
    result = server.lookup(key)
    if inspect.isawaitable(result):
        return await result
    return result


# Quiet: the library table types it (requests.get is blocking, not a coroutine).
async def legacy(url):
    await requests.get(url)
    await requests.get(url)
    requests.get(url)


# Quiet: awaited only once elsewhere.
async def once(server: Server):
    await server.close_all()
    server.close_all()


# Quiet: the receiver is assigned two values of unknown type in the class,
# and a method is handed on as a value.
class Twice:
    def __init__(self, url):
        self._conn = make_client(url)

    def reset(self, url):
        self._conn = other_client(url)

    async def a(self):
        await self._conn.send(1)

    async def b(self):
        await self._conn.send(2)

    async def c(self):
        self._conn.send(3)

    async def d(self, worker):
        await self._client2.get(1)
        await self._client2.get(2)
        worker(self._client2.get)
        self._client2.get(3)


# Quiet: a value handed to a scheduler as another argument than the
# awaitable (`timeout=`) is not awaited.
class Consumer:
    def __init__(self, queue, **kwargs):
        self._kwargs = kwargs
        self._queue = asyncio.Queue()

    async def first(self):
        try:
            return await asyncio.wait_for(
                self._queue.get(),
                timeout=self._kwargs.get("timeout"),
            )
        except asyncio.CancelledError:
            timeout = self._kwargs.get("timeout", 5)
            print(timeout)

    async def second(self):
        return await asyncio.wait_for(self._queue.get(), timeout=self._kwargs.get("timeout"))


# In synchronous code: a lone call whose value is thrown away, of a callee
# the module's coroutines await (`self.client.disconnect()` in a shutdown
# callback), is the same deviant: the coroutine never runs.
class Coordinator:
    def __init__(self, url):
        self.client = make_client(url)

    async def reconnect(self):
        await self.client.disconnect()
        self.client = make_client("again")

    async def kill(self):
        await self.client.disconnect()

    def shutdown(self, event):
        self.client.disconnect()  # want: ASL102 "await it from async code or schedule it with asyncio.run / create_task \(`self.client.disconnect\(\)` is awaited at 2 other places"


# Quiet: called from synchronous code twice, or with its value used: the
# callee has a synchronous use (a dual-mode API), not one deviant call.
class TwoSyncCalls:
    def __init__(self, url):
        self._client = make_client(url)

    async def a(self):
        await self._client.flush()

    async def b(self):
        await self._client.flush()

    def c(self):
        self._client.flush()

    def d(self):
        self._client.flush()


class SyncValue:
    def __init__(self, url):
        self._client = make_client(url)

    async def a(self):
        await self._client.refresh()

    async def b(self):
        await self._client.refresh()

    def c(self):
        return self._client.refresh()


# Quiet: a call at module level is not judged by its awaited twins.
async def warm_a(pool):
    await pool.warm()


async def warm_b(pool):
    await pool.warm()


POOL = make_client("pool")
POOL.warm()
