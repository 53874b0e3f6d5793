# Blocking cache refreshes run in worker threads (asyncio.to_thread); a
# threading.Lock guards the shared cache, so the part of each refresh done
# under the lock runs one thread at a time while the rest overlaps.
import asyncio
import threading
import time


class SharedCache:
    def __init__(self):
        self.lock = threading.Lock()
        self.data = {}
        self.writes = 0

    def refresh(self, key, fetch_s, write_s):
        time.sleep(fetch_s)  # fetching overlaps across threads
        with self.lock:
            time.sleep(write_s)  # writing holds the lock
            self.data[key] = fetch_s + write_s
            self.writes += 1
        return key

    def refresh_all_locked(self, keys):
        self.lock.acquire()
        try:
            for k in keys:
                time.sleep(0.01)
                self.data[k] = 0
        finally:
            self.lock.release()


async def main():
    cache = SharedCache()
    jobs = [("users", 0.05, 0.04), ("items", 0.02, 0.04), ("prices", 0.03, 0.04), ("stock", 0.01, 0.04)]
    done = await asyncio.gather(*(asyncio.to_thread(cache.refresh, *job) for job in jobs))
    await asyncio.gather(
        asyncio.to_thread(cache.refresh_all_locked, ["a", "b", "c"]),
        asyncio.to_thread(cache.refresh, "late", 0.0, 0.02),
    )
    print(done, cache.writes)


if __name__ == "__main__":
    asyncio.run(main())
