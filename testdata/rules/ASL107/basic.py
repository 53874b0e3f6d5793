import asyncio
import threading

lock = threading.Lock()
alock = asyncio.Lock()


async def update(db, key):
    with lock:  # want: ASL107 "synchronous lock `lock` is held across an `await`"
        value = await db.get(key)
        await db.set(key, value + 1)


class Cache:
    def __init__(self):
        self._lock = threading.RLock()

    async def refresh(self, db):
        with self._lock:  # want: ASL107
            self.data = await db.load()

    async def manual(self, db):
        self._lock.acquire()  # want: ASL107
        try:
            self.data = await db.load()
        finally:
            self._lock.release()


# Quiet
async def no_await(data):
    with lock:
        data.append(1)
    await asyncio.sleep(0)


async def asyncio_lock(db):
    async with alock:
        await db.get(1)


async def released_first(db):
    lock.acquire()
    lock.release()
    await db.get(1)


def sync(db):
    with lock:
        db.get(1)
