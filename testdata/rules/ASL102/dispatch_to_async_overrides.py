# A call through a base type runs the instance's override: when the base's
# definition is a synchronous stub meant only to be overridden and every
# override in the project is an `async def`, the call makes a coroutine,
# and dropping it loses the work.
import abc
from abc import ABC, abstractmethod


class Backend:
    def send(self, msg):
        raise NotImplementedError

    def flush(self):
        ...

    def notify(self, msg):
        self.send(msg)  # want: ASL102 "coroutine `self\.send\(\)` is never awaited"


class HttpBackend(Backend):
    async def send(self, msg):
        return msg

    async def flush(self):
        pass


class QueueBackend(Backend):
    async def send(self, msg):
        return msg


class Sender:
    def __init__(self, backend: Backend):
        self.backend = backend

    async def deliver(self, msg):
        self.backend.send(msg)  # want: ASL102
        self.backend.flush()  # want: ASL102
        await self.backend.send(msg)


class Store(ABC):
    @abstractmethod
    def save(self, item):
        pass

    @abc.abstractmethod
    def load(self, key):
        """Load the item."""


class RedisStore(Store):
    async def save(self, item):
        return item

    async def load(self, key):
        return key


async def persist(store: Store, item):
    store.save(item)  # want: ASL102
    store.load("k")  # want: ASL102
    return await store.save(item)


# Quiet: one override is synchronous; the call may run to completion.
class Cache:
    def put(self, k):
        raise NotImplementedError


class AsyncCache(Cache):
    async def put(self, k):
        return k


class DictCache(Cache):
    def put(self, k):
        return k


def fill(cache: Cache):
    cache.put("a")


# Quiet: an abstract base whose overrides mix async and sync.
class Hook(ABC):
    @abstractmethod
    def run(self):
        ...


class AsyncHook(Hook):
    async def run(self):
        pass


class SyncHook(Hook):
    def run(self):
        pass


class DeepSyncHook(AsyncHook):
    def run(self):
        pass


async def fire(hook: Hook):
    hook.run()


# Quiet: a base whose definition is not a stub (it does work itself).
class Notifier:
    def notify(self, msg):
        print(msg)


class AsyncNotifier(Notifier):
    async def notify(self, msg):
        return msg


def tell(n: Notifier):
    n.notify("x")


# Quiet: a stub that no class overrides.
class Plugin:
    def start(self):
        raise NotImplementedError


def begin(p: Plugin):
    p.start()


# Quiet: the base itself async, overridden by a sync method (the call may
# give a plain value).
class Source:
    async def read(self):
        raise NotImplementedError


class FileSource(Source):
    def read(self):
        return "data"


def consume(s: Source):
    s.read()


# Quiet: a subclass takes the name from a mixin listed first, which
# defines it synchronously.
class Job:
    def execute(self):
        raise NotImplementedError


class AsyncJob(Job):
    async def execute(self):
        pass


class SyncMixin:
    def execute(self):
        return 1


class MixedJob(SyncMixin, Job):
    pass


def run_job(j: Job):
    j.execute()


# Quiet: a stub whose override is an attribute the subclass stores.
class Task:
    def handle(self):
        raise NotImplementedError


class AsyncTask(Task):
    async def handle(self):
        pass


class CallbackTask(Task):
    def __init__(self, cb):
        self.handle = cb


def run_task(t: Task):
    t.handle()


# Quiet: `super()` and the class itself run the base's stub, never an
# override (redis-py's async commands delegating to the sync stubs that
# raise NotImplementedError).
class Commands:
    def memory_doctor(self):
        raise NotImplementedError("not supported")


class AsyncCommands(Commands):
    async def memory_doctor(self):
        return super().memory_doctor()

    async def explicit(self):
        return Commands.memory_doctor(self)
