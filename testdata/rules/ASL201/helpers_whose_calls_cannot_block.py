# config: asl201-local-files = true  # mechanics shown with local-file sinks
# A helper's call that its family's rule says cannot block (ASL202's
# non-blocking waits and in-memory sqlite, ASYNC232's in-memory json.load)
# does not make the helper blocking either.
import io
import json
import queue
import sqlite3
import threading

jobs = queue.Queue(maxsize=10)
lock = threading.Lock()


def next_job_if_any():
    try:
        return jobs.get(block=False)
    except queue.Empty:
        return None


def next_job():
    return jobs.get()


def try_lock():
    return lock.acquire(False)


def scratch_count():
    db = sqlite3.connect(":memory:")
    return db.execute("SELECT 1").fetchone()


def disk_count(path):
    db = sqlite3.connect(path)
    return db.execute("SELECT 1").fetchone()


def parse(text):
    return json.load(io.StringIO(text))


async def poll(path, text):
    next_job_if_any()
    try_lock()
    scratch_count()
    parse(text)
    next_job()  # want: ASL201 "`next_job\(\)` blocks the event loop in async function `poll`: it calls blocking `jobs\.get\(\)`"
    disk_count(path)  # want: ASL201
