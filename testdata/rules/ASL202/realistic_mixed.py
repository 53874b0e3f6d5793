import asyncio
import queue
import socket
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import redis

DB_PATH = "app.db"
pool = ThreadPoolExecutor(2)
jobs: "queue.Queue[str]" = queue.Queue(maxsize=10)


class Repo:
    def __init__(self, path: str = DB_PATH) -> None:
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.cache = redis.Redis(host="localhost")

    async def get_user(self, uid: int) -> Optional[tuple]:
        cur = self.conn.execute("select * from users where id = ?", (uid,))  # want: ASL202
        return cur.fetchone()  # grouped with the execute() above

    async def cached_name(self, uid: int) -> Optional[bytes]:
        return self.cache.get(f"user:{uid}")  # want: ASL202

    async def save(self, uid: int, name: str) -> None:
        with self.conn:
            self.conn.execute("update users set name = ? where id = ?", (name, uid))  # want: ASL202
        self.cache.delete(f"user:{uid}")  # want: ASL202

    async def get_user_threaded(self, uid: int) -> Optional[tuple]:
        # Quiet: the query runs in a worker thread.
        return await asyncio.to_thread(lambda: self.conn.execute("select 1").fetchone())

    def sync_count(self) -> int:
        return self.conn.execute("select count(*) from users").fetchone()[0]


async def resolve(host: str) -> str:
    return socket.gethostbyname(host)  # want: ASL202


async def resolve_ok(host: str) -> list:
    loop = asyncio.get_running_loop()
    return await loop.getaddrinfo(host, 443)


async def next_job() -> str:
    return jobs.get()  # want: ASL202


async def next_job_nowait() -> Optional[str]:
    # Quiet: non-blocking variants.
    try:
        return jobs.get_nowait()
    except queue.Empty:
        return jobs.get(block=False)


async def wait_thread(ev: threading.Event) -> None:
    ev.wait()  # want: ASL202


async def offload(fn) -> int:
    fut = pool.submit(fn)
    return fut.result()  # want: ASL202


async def offload_ok(fn) -> int:
    fut = pool.submit(fn)
    return await asyncio.wrap_future(fut)


async def raw_socket(host: str, port: int) -> bytes:
    s = socket.create_connection((host, port))  # want: ASL202
    s.sendall(b"ping")  # want: ASL202
    return s.recv(1024)  # want: ASL202


async def streams(host: str, port: int) -> bytes:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"ping")
    await writer.drain()
    return await reader.read(1024)
