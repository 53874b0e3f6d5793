import asyncio
import os
import threading
import weakref
from contextlib import contextmanager

# Defined in both branches, as a fork-safe lock module does.
if not hasattr(os, "register_at_fork"):

    def create_handler_lock():
        return threading.Lock()

else:
    handler_locks = weakref.WeakSet()

    def create_handler_lock():
        lock = threading.Lock()
        handler_locks.add(lock)
        return lock


def create_async_lock():
    return asyncio.Lock()


_registry_lock = threading.RLock()


@contextmanager
def registry_held():
    with _registry_lock:
        yield


@contextmanager
def registry_snapshot():
    # The lock is released before the body runs.
    with _registry_lock:
        snapshot = dict(os.environ)
    yield snapshot
