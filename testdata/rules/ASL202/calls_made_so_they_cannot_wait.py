# Calls of this family made in a way that returns at once (ASL202's
# NonBlocking) are quiet; the same calls made the blocking way fire.
import queue
import socket

import psycopg2

unbounded = queue.Queue()
bounded = queue.Queue(maxsize=1)


async def connect_async_mode(dsn):
    conn = psycopg2.connect(dsn, async_=True)
    conn2 = psycopg2.connect(dsn, async_=False)  # want: ASL202 "`psycopg2\.connect\(\)` blocks the event loop"
    return conn, conn2


async def resolve(port, host):
    local = socket.getaddrinfo("127.0.0.1", port)
    v6 = socket.getaddrinfo("::1", port)
    remote = socket.getaddrinfo(host, port)  # want: ASL202
    return local, v6, remote


async def enqueue(item):
    unbounded.put(item)
    bounded.put(item)  # want: ASL202


# Queues kept in a dict filled one value at a time (cylc's
# flow_delta_queues): the item is what was stored, so put() on an unbounded
# one never waits, and on a bounded one it can.
async def fan_out(items):
    per_key = {}
    for key, item in items:
        if key not in per_key:
            per_key[key] = queue.Queue()
        per_key[key].put(item)  # quiet: an unbounded queue's put() never waits


async def fan_out_bounded(items):
    per_key = {}
    for key, item in items:
        if key not in per_key:
            per_key[key] = queue.Queue(1)
        per_key[key].put(item)  # want: ASL202


# A private coroutine's queue parameter: put() cannot wait when every call of
# the module hands it an unbounded queue, and can when one call passes a
# bounded queue.
async def _hand_over(sink: queue.Queue, items):
    for item in items:
        sink.put(item)


async def _hand_over_bounded(sink: queue.Queue, items):
    for item in items:
        sink.put(item)  # want: ASL202 "`sink\.put\(\)` \(queue\.Queue\.put\) blocks the event loop"


async def hand_over(items):
    await _hand_over(queue.Queue(), items)
    await _hand_over(sink=unbounded, items=items)
    await _hand_over_bounded(queue.Queue(), items)
    await _hand_over_bounded(bounded, items)
