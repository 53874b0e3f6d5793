import threading
import time
from contextlib import contextmanager

from ._locks import create_async_lock, create_handler_lock, registry_held, registry_snapshot


class Handler:
    def __init__(self, sink):
        self._sink = sink
        self._lock = create_handler_lock()
        self._alock = create_async_lock()
        self._plain = threading.Lock()
        self._acquired = threading.local()

    @contextmanager
    def _protected_lock(self):
        self._acquired.value = True
        try:
            with self._lock:
                yield
        finally:
            self._acquired.value = False

    @contextmanager
    def _acquired_by_hand(self):
        self._plain.acquire()
        try:
            yield self._sink
        finally:
            self._plain.release()

    @contextmanager
    def _nested(self):
        with self._protected_lock():
            yield

    @contextmanager
    def _timed(self):
        start = time.monotonic()
        yield
        self.elapsed = time.monotonic() - start

    @contextmanager
    def _released_first(self):
        self._plain.acquire()
        self._plain.release()
        yield

    async def factory_lock(self):
        with self._lock:  # want: ASL107
            await self._sink.complete()

    async def complete_async(self):
        with self._protected_lock():  # want: ASL107 "synchronous lock `self._lock` \(taken by `self._protected_lock\(\)`\) is held across an `await`"
            await self._sink.complete()

    async def by_hand(self):
        with self._acquired_by_hand() as sink:  # want: ASL107
            await sink.flush()

    async def nested(self):
        with self._nested():  # want: ASL107
            await self._sink.complete()

    async def registry(self):
        with registry_held():  # want: ASL107 "synchronous lock `_registry_lock` \(taken by `registry_held\(\)`\)"
            await self._sink.complete()

    # Quiet

    async def async_factory_lock(self):
        async with self._alock:
            await self._sink.complete()

    async def no_await_under_lock(self, record):
        with self._protected_lock():
            self._sink.write(record)
        await self._sink.complete()

    async def timed(self):
        with self._timed():
            await self._sink.complete()

    async def released_before_yield(self):
        with self._released_first():
            await self._sink.complete()

    async def snapshot(self):
        with registry_snapshot() as env:
            await self._sink.send(env)

    def sync_emit(self, record):
        with self._protected_lock():
            self._sink.write(record)
