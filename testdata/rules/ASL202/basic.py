import asyncio
import concurrent.futures
import queue
import socket
import sqlite3
import threading

import psycopg2
import pymysql
import redis

lock = threading.Lock()
ready = threading.Event()
jobs = queue.Queue()
cache = redis.Redis()


async def network(host):
    sock = socket.socket()
    sock.connect((host, 80))  # want: ASL202 "`sock\.connect\(\)` \(socket\.socket\.connect\) blocks the event loop"
    sock.sendall(b"GET /")  # want: ASL202
    data = sock.recv(1024)  # want: ASL202
    conn, _ = sock.accept()  # want: ASL202
    addr = socket.gethostbyname(host)  # want: ASL202
    infos = socket.getaddrinfo(host, 80)  # want: ASL202
    other = socket.create_connection((host, 80))  # want: ASL202
    return data, conn, addr, infos, other


async def databases(path):
    conn = sqlite3.connect(path)  # want: ASL202 "as do its later sqlite3 calls on lines 32, 34, 35, 36: one finding for the function.s database work"
    rows = conn.execute("SELECT 1").fetchall()  # grouped with the connect() above (one sqlite3 finding per coroutine)
    cur = conn.cursor()
    cur.execute("SELECT 2")  # grouped
    cur.fetchone()  # grouped
    conn.commit()  # grouped
    pg = psycopg2.connect("dbname=x")  # want: ASL202
    with pg.cursor() as pcur:
        pcur.execute("SELECT 1")  # want: ASL202
    my = pymysql.connect(host="x")  # want: ASL202
    return rows, my


async def sync_primitives(executor):
    cache.get("key")  # want: ASL202
    cache.set("key", 1)  # want: ASL202
    ready.wait()  # want: ASL202
    lock.acquire()  # want: ASL202
    item = jobs.get()  # want: ASL202
    jobs.put(item)  # unbounded queue: put() never waits
    fut = executor.submit(print)
    pool = concurrent.futures.ThreadPoolExecutor()
    done = pool.submit(print).result()  # want: ASL202
    loop_fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(1), asyncio.get_event_loop())
    loop_fut.result()  # want: ASL202
    return fut, done


# Quiet: non-blocking forms, awaited async APIs, sync code.
async def non_blocking():
    lock.acquire(False)
    lock.acquire(blocking=False)
    jobs.get(block=False)
    jobs.get_nowait()
    jobs.put(1, False)
    ready.wait(0)
    ready.is_set()
    lock.release()


async def async_apis(host):
    reader, writer = await asyncio.open_connection(host, 80)
    loop = asyncio.get_running_loop()
    await loop.getaddrinfo(host, 80)
    ev = asyncio.Event()
    await ev.wait()
    q = asyncio.Queue()
    await q.get()
    await asyncio.to_thread(socket.gethostbyname, host)
    return reader, writer


def sync_code(path):
    conn = sqlite3.connect(path)
    conn.execute("SELECT 1")
    lock.acquire()
    jobs.get()
    socket.gethostbyname("x")


async def non_blocking_socket(sock, host):
    sock.setblocking(False)
    sock.recv(10)
    raw = socket.socket()
    try:
        raw.connect((host, 80))
    except BlockingIOError:
        pass
    socket.getaddrinfo(host, 0, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)


unbounded = queue.Queue()
bounded = queue.Queue(maxsize=1)


async def queue_puts():
    unbounded.put(1)
    bounded.put(1)  # want: ASL202
