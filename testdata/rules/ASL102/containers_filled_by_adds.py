# A container bound to an empty set or list and filled one item at a time
# holds what was added: a loop over it sees those items (realbugs34 blood
# mixer: `_clients.add(ws)` in the aiohttp websocket handler, then
# `for ws in _clients: ws.send_str(data)` in a sync broadcast helper).
import collections

from aiohttp import web

_clients = set()
_queue = collections.deque()


def broadcast(data):
    dead = set()
    for ws in _clients:
        try:
            ws.send_str(data)  # want: ASL102 "coroutine `ws\.send_str\(\)` is never awaited"
        except Exception:
            dead.add(ws)
    for ws in dead:
        _clients.discard(ws)


async def handle_ws(request):
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    _clients.add(ws)
    if ws in _clients and len(_clients) > 1:
        print("another client")
    _queue.append(ws)
    return ws


async def close_all():
    while _queue:
        ws = _queue.popleft()
        await ws.close()
    for sock in list(_queue):
        sock.close()  # want: ASL102


async def local_list(request):
    sockets = []
    sockets.append(web.WebSocketResponse())
    for ws in sockets:
        ws.send_json({"hello": 1})  # want: ASL102


# Quiet: the items are awaited, or the container may hold anything else.


async def broadcast_awaited(data):
    for ws in list(_clients):
        await ws.send_str(data)


_mixed = set()


def remember(thing):
    _mixed.add(thing)


async def handle_other(request):
    ws = web.WebSocketResponse()
    _mixed.add(ws)


def broadcast_mixed(data):
    for item in _mixed:
        item.send_str(data)


_extended = []


def add_many(items):
    _extended.extend(items)


async def add_one(request):
    _extended.append(web.WebSocketResponse())


def broadcast_extended(data):
    for ws in _extended:
        ws.send_str(data)


_escaping = set()


async def add_escaping(request, registry):
    _escaping.add(web.WebSocketResponse())
    registry.track(_escaping)


def broadcast_escaping(data):
    for ws in _escaping:
        ws.send_str(data)


_prefilled = {1}


async def add_prefilled(request):
    _prefilled.add(web.WebSocketResponse())


def broadcast_prefilled(data):
    for ws in _prefilled:
        ws.send_str(data)


async def shadowed(request):
    _clients = {"a", "b"}
    for ws in _clients:
        ws.send_str("x")


# The same through an attribute of the project's own class: `self.clients`
# is set to an empty set once and only `self.clients.add(ws)` fills it.


class Hub:
    def __init__(self):
        self.clients = set()
        self.peers = []

    async def handler(self, request):
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.clients.add(ws)
        self.peers.append(ws)
        try:
            async for msg in ws:
                self.broadcast(msg.data)
        finally:
            self.clients.discard(ws)
        return ws

    def broadcast(self, text):
        if not self.clients:
            return
        for ws in self.clients:
            ws.send_str(text)  # want: ASL102 "coroutine `ws\.send_str\(\)` is never awaited"

    async def broadcast_awaited(self, text):
        # Quiet: awaited.
        for ws in list(self.clients):
            await ws.send_str(text)

    def notify_peers(self, text):
        # Quiet: peers is also filled from outside the class (below).
        for peer in self.peers:
            peer.send_str(text)


hub = Hub()
hub.peers.append(object())


class Replaced:
    def __init__(self):
        self.members = set()

    async def handler(self, request):
        self.members.add(web.WebSocketResponse())

    def reset(self, others):
        self.members = others

    def broadcast(self, text):
        # Quiet: the attribute is also bound to something else.
        for ws in self.members:
            ws.send_str(text)
