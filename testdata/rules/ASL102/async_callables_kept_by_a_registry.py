# A synchronous registry or emitter keeps the callables it is given in an
# attribute and later calls them, dropping what they return. Given a
# coroutine function, each such call makes a coroutine that never runs. The
# report is on the call that drops it (the registry is in this module).
import asyncio


class Emitter:
    def __init__(self):
        self._listeners = []
        self._handlers = {}
        self._by_event = {}

    def add_listener(self, listener):
        self._listeners.append(listener)

    def on(self, event, handler):
        self._handlers[event] = handler

    def subscribe(self, event, handler):
        self._by_event.setdefault(event, []).append(handler)

    def emit(self, event, payload):
        for listener in list(self._listeners):
            listener(payload)  # want: ASL102 "`Emitter.add_listener\(\)` keeps its parameter `listener` in `self._listeners`, this call drops what it returns, and line 58 passes `self.on_message`, a coroutine function"
        self._handlers[event](payload)  # want: ASL102 "keeps its parameter `handler` in `self._handlers`"
        for handler in self._by_event.get(event, []):
            handler(payload)  # want: ASL102 "keeps its parameter `handler` in `self._by_event`"


class Watcher:
    def __init__(self, path, on_change):
        self.path = path
        self._on_change = on_change

    def poll(self):
        self._on_change(self.path)  # want: ASL102 "`Watcher\(\)` keeps its parameter `on_change` in `self._on_change`"


class Service:
    def __init__(self):
        self.emitter = Emitter()
        self.watcher = Watcher("/tmp", self.reload)

    async def on_message(self, payload):
        await asyncio.sleep(0)

    async def on_close(self, payload):
        await asyncio.sleep(0)

    async def on_data(self, payload):
        await asyncio.sleep(0)

    async def reload(self, path):
        await asyncio.sleep(0)

    def start(self):
        self.emitter.add_listener(self.on_message)
        self.emitter.on("close", self.on_close)
        self.emitter.subscribe("data", self.on_data)


# Quiet: a sync callable registered; a registry that tells the kinds apart,
# schedules what it calls, awaits it, or keeps a wrapper rather than the
# callable itself.


def log_payload(payload):
    print(payload)


class CheckingEmitter:
    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        self._listeners.append(listener)

    def emit(self, payload):
        for listener in self._listeners:
            if asyncio.iscoroutinefunction(listener):
                asyncio.ensure_future(listener(payload))
            else:
                listener(payload)


class SchedulingEmitter:
    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        self._listeners.append(listener)

    def emit(self, payload):
        for listener in self._listeners:
            asyncio.ensure_future(listener(payload))


class AsyncEmitter:
    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        self._listeners.append(listener)

    async def emit(self, payload):
        for listener in self._listeners:
            await listener(payload)


class WrappingEmitter:
    def __init__(self):
        self._listeners = []

    def add_listener(self, listener):
        self._listeners.append(lambda payload: asyncio.ensure_future(listener(payload)))

    def emit(self, payload):
        for listener in self._listeners:
            listener(payload)


class Quiet:
    def __init__(self):
        self.plain = Emitter()
        self.checking = CheckingEmitter()
        self.scheduling = SchedulingEmitter()
        self.awaiting = AsyncEmitter()
        self.wrapping = WrappingEmitter()

    async def on_message(self, payload):
        await asyncio.sleep(0)

    def start(self):
        self.plain.add_listener(log_payload)
        self.checking.add_listener(self.on_message)
        self.scheduling.add_listener(self.on_message)
        self.awaiting.add_listener(self.on_message)
        self.wrapping.add_listener(self.on_message)
