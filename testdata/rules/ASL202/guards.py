# Blocking-capable calls that the code around them has made non-blocking.
import asyncio
import queue
import socket
import threading


class Receiver:
    def __init__(self):
        self._queue = queue.Queue()

    async def receive(self):
        while self._queue.empty():  # want: ASYNC110 (a busy-wait, but get() below cannot wait)
            await asyncio.sleep(0)
        return self._queue.get()  # quiet: the loop above waited until it is not empty

    async def receive_now(self):
        if not self._queue.empty():
            return self._queue.get()  # quiet: only when an item is there
        return None

    async def drain(self, publish):
        while self._queue.qsize():
            await publish(self._queue.get())  # quiet: the loop runs only while an item is there

    async def drain_after_the_loop(self, publish):
        while self._queue.qsize():
            await publish(None)
        return self._queue.get()  # want: ASL202

    async def drain_not_empty(self, publish):
        while not self._queue.empty():
            await publish(self._queue.get())  # quiet

    async def receive_when_empty(self):
        if self._queue.empty():
            return self._queue.get()  # want: ASL202 (the test is the wrong way round)
        return None

    async def receive_or_default(self):
        if self._queue.empty():
            return "UP"
        return self._queue.get()  # quiet: the early return leaves only a non-empty queue

    async def receive_after_logging_empty(self):
        if self._queue.empty():
            print("empty")
        return self._queue.get()  # want: ASL202 (the check does not leave)

    async def receive_after_not_empty_exit(self):
        if not self._queue.empty():
            return None
        return self._queue.get()  # want: ASL202 (it leaves when an item is there)

    async def receive_blocking(self):
        return self._queue.get()  # want: ASL202

    # A check before a loop covers its first round only: the later rounds
    # get again with nothing checked.
    async def drain_after_early_exit(self, publish):
        if self._queue.empty():
            return
        while True:
            await publish(self._queue.get())  # want: ASL202

    async def receive_some_when_not_empty(self, publish):
        if not self._queue.empty():
            for _ in range(3):
                await publish(self._queue.get())  # want: ASL202

    async def drain_checked_each_round(self, publish):
        while True:
            if self._queue.empty():
                break
            await publish(self._queue.get())  # quiet: checked in the round

    async def drain_counted(self, publish):
        if self._queue.qsize():
            for _ in range(self._queue.qsize()):
                await publish(self._queue.get())  # quiet: the loop's count asks the queue


async def stop(thread: threading.Thread):
    while thread.is_alive():  # want: ASYNC110
        await asyncio.sleep(0.01)
    thread.join()  # quiet: the thread has finished


async def stop_all(threads: list[threading.Thread]):
    for t in threads:
        while t.is_alive():  # want: ASYNC110
            await asyncio.sleep(0.01)
    while any(t.is_alive() for t in threads):  # want: ASYNC110
        await asyncio.sleep(0.01)
    for t in threads:
        t.join()  # quiet: each round joins its own finished thread


async def stop_blocking(thread: threading.Thread):
    thread.join()  # want: ASL202


async def never_runs(lock: threading.Lock):
    for _ in ():
        lock.acquire()  # quiet: the loop body never runs
    if False:
        lock.acquire()  # quiet: dead code
    lock.acquire()  # want: ASL202


async def generated_from_a_sync_twin(host, port):
    # Code generated from its synchronous twin keeps the twin's line in the
    # branch that never runs.
    if True:  # ASYNC
        loop = asyncio.get_running_loop()
        ans = await loop.getaddrinfo(host, port)
    else:
        ans = socket.getaddrinfo(host, port)  # quiet: the else of `if True:` never runs
    if True:
        pass
    elif host:
        ans = socket.getaddrinfo(host, port)  # quiet: never runs either
    if host:
        pass
    else:
        ans = socket.getaddrinfo(host, port)  # want: ASL202
    return ans


async def compare_with_sqlite(rows):
    import sqlite3

    with sqlite3.connect(":memory:") as db:
        db.execute("create table t (x)")  # quiet: an in-memory database is CPU work
        cur = db.execute("select x from t")
        rows.extend(cur.fetchall())  # quiet
    mem = sqlite3.connect(":memory:")  # quiet
    disk = sqlite3.connect("app.db")  # want: ASL202
    disk.execute("select 1")  # grouped with the connect() above
    return mem


class Worker:
    def __init__(self):
        self._lock = threading.Lock()
        self._lock.acquire()  # not in a coroutine: not reported anyway

    async def restart(self):
        self._ready = threading.Lock()
        self._ready.acquire()  # quiet: a lock created just now cannot be held by anyone
        self._ready.acquire()  # want: ASL202 (the second acquire waits forever)


async def resolve(socket_mod):
    import socket

    socket.getaddrinfo("1.2.3.4", 0, family=socket.AF_INET6)  # quiet: an address literal is parsed, not looked up
    socket.getaddrinfo("::1", 80)  # quiet
    socket.getaddrinfo("example.com", 80)  # want: ASL202
    socket.getnameinfo(("127.0.0.1", 80), 0)  # want: ASL202 (a reverse lookup)


class Resolver:
    # A def in a branch that never runs is never made (a class-level
    # `if False:  # ASYNC` keeping the sync twin's method).
    if False:  # ASYNC

        async def resolve(self, host, port):
            return socket.getaddrinfo(host, port)  # quiet: never defined

    else:

        async def resolve(self, host, port):
            return socket.getaddrinfo(host, port)  # want: ASL202


class SendStream:
    """A readiness predicate behind a method of the class (pyzmq's ZMQStream:
    `sending()` returns `not self._send_queue.empty()`)."""

    def __init__(self):
        self._send_queue = queue.Queue()

    def sending(self):
        """Whether a message waits to be sent."""
        return not self._send_queue.empty()

    def idle(self):
        return self._send_queue.empty()

    def busy(self):
        return self.sending() and True  # calls another method: not expanded

    async def flush_one(self):
        if not self.sending():
            return
        return self._send_queue.get()  # quiet: the early exit above leaves when it is empty

    async def flush_if_ready(self):
        if self.sending():
            return self._send_queue.get()  # quiet: only when an item is there
        return None

    async def flush_unless_idle(self):
        if self.idle():
            return None
        return self._send_queue.get()  # quiet: the early exit above leaves when it is empty

    async def flush_wrong_way(self):
        if self.idle():
            return self._send_queue.get()  # want: ASL202 (the test is the wrong way round)
        return None

    async def flush_through_two_methods(self):
        if not self.busy():
            return
        return self._send_queue.get()  # want: ASL202 (busy() is not read through sending())


# An early exit followed by `elif`/`else` clauses: they run only when the
# queue was found not empty, so what falls through them still gets at once,
# unless a clause takes from the queue or hands it over (cylc's
# flow_delta_queues, a dict filled with queue.Queue() and iterated with
# `.items()`: `if flow_queue.empty(): continue / elif flow_id in
# processing: ... / flow_queue.get()`).
async def yield_deltas(per_flow: dict[str, queue.Queue], processing: set, counters: dict, publish):
    for flow_id, flow_queue in per_flow.items():
        if flow_queue.empty():
            continue
        elif flow_id in processing:
            if counters[flow_id] < 5:
                continue
            processing.remove(flow_id)
        counters[flow_id] = 0
        await publish(flow_queue.get())  # quiet: the clauses after the exit leave the queue alone


async def yield_deltas_compared(queues: list[queue.Queue], busy: list, publish):
    for q in queues:
        if q.empty():
            continue
        elif q in busy or q.qsize() > 100:
            continue
        await publish(q.get())  # quiet: the elif only compares the queue and asks its size


async def yield_deltas_taken(queues: list[queue.Queue], publish):
    for q in queues:
        if q.empty():
            continue
        else:
            await publish(q.get_nowait())
        await publish(q.get())  # want: ASL202 (the else took the item the check found)


async def yield_deltas_handed_over(queues: list[queue.Queue], drain, publish):
    for q in queues:
        if q.empty():
            continue
        elif len(queues) > 1:
            drain(q)
        await publish(q.get())  # want: ASL202 (the elif hands the queue to another function)
