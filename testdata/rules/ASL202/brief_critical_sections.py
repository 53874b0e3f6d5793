# A thread lock shared by a thread and the event loop: acquiring it in a
# coroutine waits only as long as the longest critical section of the lock.
# A private lock whose every section in the module is brief (no await, no
# blocking call, no other lock) is held for a few statements at a time.
import asyncio
import collections
import socket
import threading
import time


class BridgeQueue:
    """janus's shape: a deque shared by threads and coroutines."""

    def __init__(self):
        self._items = collections.deque()
        self._mutex = threading.Lock()
        self._not_empty = threading.Condition(self._mutex)
        self._async_not_empty = asyncio.Event()
        self._pending = set()

    def _put_internal(self, item):
        self._items.append(item)  # `append` also names a service request (imaplib), not a sign of I/O here
        self._pending.add(item)  # a set's add: the assigned value says so

    def _notify_sync(self):
        def wake():
            with self._mutex:  # runs in the executor thread, not in the section
                self._not_empty.notify()

        asyncio.get_running_loop().run_in_executor(None, wake)

    def put_sync(self, item):
        with self._not_empty:
            self._put_internal(item)
            self._not_empty.notify()

    def get_sync(self):
        with self._not_empty:
            while not self._items:
                self._not_empty.wait()  # releases the lock while it waits
            return self._items.popleft()

    async def put(self, item):
        self._mutex.acquire()  # quiet: every holder keeps the lock a few statements
        try:
            self._put_internal(item)
            self._notify_sync()
        finally:
            self._mutex.release()
        self._async_not_empty.set()

    async def get(self):
        self._mutex.acquire()  # quiet
        locked = True
        try:
            while not self._items:
                locked = False
                self._mutex.release()
                await self._async_not_empty.wait()  # not held here: released above
                self._mutex.acquire()  # quiet
                locked = True
            return self._items.popleft()
        finally:
            if locked:
                self._mutex.release()

    async def wait_sync_side(self):
        self._not_empty.wait()  # want: ASL202 (waits for a notify, not for a brief holder)


class SlowWriter:
    """The thread side writes to a socket while holding the lock."""

    def __init__(self, sock: socket.socket):
        self._sock = sock
        self._send_lock = threading.Lock()

    def send_sync(self, data):
        with self._send_lock:
            self._sock.sendall(data)

    async def send_later(self, data):
        self._send_lock.acquire()  # want: ASL202 (a holder sends on a socket)
        try:
            return data
        finally:
            self._send_lock.release()


class SleepyHelper:
    def __init__(self):
        self._refresh_lock = threading.RLock()

    def _refresh(self):
        time.sleep(1)

    def refresh_sync(self):
        with self._refresh_lock:
            self._refresh()  # a helper of the module blocks inside the section

    async def read(self):
        self._refresh_lock.acquire()  # want: ASL202
        self._refresh_lock.release()


class HeldAcrossAwait:
    def __init__(self):
        self._read_lock = threading.Lock()

    async def fetch(self, reader):
        with self._read_lock:
            return await reader.read()  # held across an await: another holder may wait long

    async def peek(self):
        self._read_lock.acquire()  # want: ASL202
        self._read_lock.release()


class SharedLock:
    def __init__(self, lock: threading.Lock):
        self._shared_lock = lock  # given by the caller: its other holders are unknown

    async def touch(self):
        self._shared_lock.acquire()  # want: ASL202
        self._shared_lock.release()


class PublicLock:
    def __init__(self):
        self.lock = threading.Lock()  # public: other modules may hold it

    async def touch(self):
        self.lock.acquire()  # want: ASL202
        self.lock.release()


class NeverReleased:
    def __init__(self):
        self._stop_lock = threading.Lock()

    def start(self):
        self._stop_lock.acquire()  # released by someone else, later

    async def wait_until_stopped(self):
        self._stop_lock.acquire()  # want: ASL202
        self._stop_lock.release()


class NestedLocks:
    def __init__(self, other):
        self._outer = threading.Lock()
        self._other = other

    def sync_side(self):
        with self._outer:
            with self._other:  # another lock, held by who knows
                pass

    async def touch(self):
        self._outer.acquire()  # want: ASL202
        self._outer.release()


class UnknownConnection:
    """The thread side sends on a connection whose type is not known here."""

    def __init__(self, conn):
        self._conn = conn
        self._conn_lock = threading.Lock()

    def send_sync(self, data):
        with self._conn_lock:
            self._conn.sendall(data)  # named like a blocking API: it may be one

    async def send_later(self):
        self._conn_lock.acquire()  # want: ASL202
        self._conn_lock.release()


class Endpoint:
    def __init__(self):
        self._sock = socket.socket()


class EndpointUser:
    """An attribute of unknown owner, assigned a socket elsewhere in the module."""

    def __init__(self, endpoint):
        self._endpoint = endpoint
        self._drain_lock = threading.Lock()

    def drain_sync(self):
        with self._drain_lock:
            return self._endpoint._sock.recv(4096)

    async def check(self):
        self._drain_lock.acquire()  # want: ASL202
        self._drain_lock.release()


class EarlyRelease:
    def __init__(self, sock: socket.socket):
        self._sock = sock
        self._early_lock = threading.Lock()

    def send_sync(self, data, fast):
        self._early_lock.acquire()
        if fast:
            self._early_lock.release()
            return
        self._sock.sendall(data)  # still held on this path
        self._early_lock.release()

    async def touch(self):
        self._early_lock.acquire()  # want: ASL202
        self._early_lock.release()


class SendAfterRelease:
    def __init__(self, sock: socket.socket):
        self._sock = sock
        self._flush_lock = threading.Lock()
        self._buffer = bytearray()

    def flush_sync(self):
        self._flush_lock.acquire()
        try:
            data = bytes(self._buffer)
            self._buffer.clear()
        finally:
            self._flush_lock.release()
        self._sock.sendall(data)  # after the release: outside the section

    async def append(self, data):
        self._flush_lock.acquire()  # quiet
        self._buffer.extend(data)
        self._flush_lock.release()
