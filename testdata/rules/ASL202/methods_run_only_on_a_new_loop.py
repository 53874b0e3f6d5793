# A coroutine method private to its module (its name or its class's starts
# with `_`) that the module only runs as `asyncio.run(self.method(...))`,
# the synchronous face of an async API, is the main coroutine of a new
# loop: before it first suspends nothing else runs on that loop, as for a
# nested `main()` run with asyncio.run (ring-doorbell's deprecated sync
# API serialising its callers with a threading lock). After its first
# await, or when the method is also awaited, handed on, or public in a
# public class, it is reported.
import asyncio
from threading import Lock


class _SyncBridge:
    def __init__(self):
        self._lock = Lock()

    async def run_and_close(self, method, *args):
        try:
            self._lock.acquire()  # quiet: nothing else on the new loop yet
            return await method(*args)
        finally:
            self._lock.release()

    async def _after_await(self, method):
        await method()
        self._lock.acquire()  # want: ASL202
        self._lock.release()

    def call(self, method, *args):
        return asyncio.run(self.run_and_close(method, *args))

    def call_later(self, method):
        asyncio.run(self._after_await(method))


class Client:
    def __init__(self):
        self._lock = Lock()

    async def _locked(self, method):
        self._lock.acquire()  # quiet
        try:
            return await method()
        finally:
            self._lock.release()

    async def public(self, method):
        self._lock.acquire()  # want: ASL202
        try:
            return await method()
        finally:
            self._lock.release()

    async def _also_awaited(self, method):
        self._lock.acquire()  # want: ASL202
        try:
            return await method()
        finally:
            self._lock.release()

    def sync_locked(self, method):
        return asyncio.run(self._locked(method))

    def sync_public(self, method):
        return asyncio.run(self.public(method))

    def sync_also(self, method):
        return asyncio.run(self._also_awaited(method))

    async def chained(self, method):
        return await self._also_awaited(method)
