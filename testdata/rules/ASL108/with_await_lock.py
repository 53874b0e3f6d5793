# `with (await lock):` was how asyncio's locks were entered before
# `async with` (their __await__ acquired and returned a releaser); Python
# 3.9 removed it (bpo-34793), and awaiting the lock now raises TypeError
# ("object Lock can't be used in 'await' expression"): jupyter-server-proxy's
# `with (await self.state['proc_lock']):`, fixed to `async with`
# (jupyterhub/jupyter-server-proxy#224, bench/realbugs74).
import asyncio
from asyncio import Lock

import aiofiles
import aiohttp

module_lock = asyncio.Lock()


class Handler:
    def __init__(self):
        self._lock = asyncio.Lock()
        self._sem = asyncio.Semaphore(4)

    async def one(self):
        with (await self._lock):  # want: ASL108 "`with \(await self._lock\)`: `self._lock` \(asyncio.Lock\) cannot be awaited"
            await self.work()

    async def two(self):
        with await module_lock:  # want: ASL108 "write `async with module_lock`"
            await self.work()

    async def three(self):
        with (await self._sem):  # want: ASL108 "asyncio.Semaphore"
            await self.work()

    async def session(self, url):
        with (await aiohttp.ClientSession()) as s:  # want: ASL108 "aiohttp.ClientSession"
            return await s.get(url)

    async def work(self):
        await asyncio.sleep(0)


class SharedState:
    # The state mapping is handed in and the class fills its own slots:
    # what it stores under 'proc_lock' is what the slot holds.
    def initialize(self, state):
        self.state = state
        if "proc_lock" not in state:
            state["proc_lock"] = Lock()

    async def ensure(self):
        with (await self.state["proc_lock"]):  # want: ASL108 "`self.state\[.proc_lock.\]` \(asyncio.Lock\) cannot be awaited"
            if "proc" not in self.state:
                self.state["proc"] = await self.start()

    async def ensure_plain(self):
        with self.state["proc_lock"]:  # want: ASL108 "supports only `async with`"
            pass

    async def port(self):
        # Another slot, another type: not a lock.
        with self.state["proc"]:
            pass

    async def start(self):
        return object()


class Pool:
    async def acquire(self):
        return Connection()


class Connection:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class AwaitableManager:
    # A project class may make `await x` give a synchronous manager.
    def __await__(self):
        yield
        return Connection()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def quiet(pool: Pool, resource: AwaitableManager, lock_factory, path):
    # Awaiting aiofiles.open() is allowed (it gives the file); entering the
    # file with a plain `with` is another matter, not this form's.
    with await aiofiles.open(path) as f:
        print(f)
    with (await pool.acquire()) as conn:  # what the coroutine returns supports `with`
        conn.use()
    with (await resource):  # the project's __await__
        pass
    with (await lock_factory()):  # unknown
        pass
    async with module_lock:
        pass
