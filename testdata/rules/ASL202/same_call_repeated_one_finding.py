# One finding per mistake: the calls of one coroutine that call the same
# function on the same receiver, as written, are one finding at the first,
# whose message names the others (labgrid's `getfqdn()` in both branches,
# pymongo's `self._events.put(...)` per event). A maintainer decides once
# whether that call belongs on the loop.
import queue
import socket
from socket import getfqdn


async def add_resource(group, name, export):
    if export:
        group[name] = {"proxy": getfqdn()}  # want: ASL202 "`getfqdn\(\)` blocks the event loop in async function `add_resource`.*\(and 1 more call in `add_resource`: line 16\)"
    else:
        group[name] = {
            "proxy": getfqdn(),  # reported: named by line 13's finding
        }


class Topology:
    def __init__(self):
        self._events = queue.Queue(maxsize=100)

    async def close(self, old, new):
        self._events.put((old, new))  # want: ASL202 "\(and 2 more calls in `close`: lines 26, 27\)"
        self._events.put((new,))  # reported: named by line 25's finding
        self._events.put(None)  # reported: named by line 25's finding


# Each coroutine keeps its own finding: it is its own stall, fixed at its
# own call.
async def first_lookup(host):
    return socket.gethostbyname(host)  # want: ASL202 "`first_lookup`; use `await loop\.getaddrinfo\(\.\.\.\)` \(or `asyncio\.to_thread`\)$"


async def second_lookup(host):
    return socket.gethostbyname(host)  # want: ASL202 "`second_lookup`; use `await loop\.getaddrinfo\(\.\.\.\)` \(or `asyncio\.to_thread`\)$"


# Another receiver, or another function, is another finding.
async def two_queues(a: queue.Queue, b: queue.Queue):
    a.get()  # want: ASL202 "^`a\.get\(\)` \(queue\.Queue\.get\) blocks.*to_thread\(\.\.\.\)`$"
    b.get()  # want: ASL202 "^`b\.get\(\)`"
    socket.getfqdn()  # want: ASL202 "^`socket\.getfqdn\(\)`"


# A call whose line says `# noqa: ASL202` keeps its own silenced finding
# and stands for no other: the next one is still reported.
async def accepted_then_not(host):
    socket.gethostbyname(host)  # noqa: ASL202
    return socket.gethostbyname(host)  # want: ASL202 "`accepted_then_not`; use `await loop\.getaddrinfo\(\.\.\.\)` \(or `asyncio\.to_thread`\)$"
