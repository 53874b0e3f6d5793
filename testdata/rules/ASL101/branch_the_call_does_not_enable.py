# A helper that starts a loop only under a flag the call leaves at its
# default (`connect: bool = False`), or passes as a falsy literal, never
# starts it from that call: the walk follows only the branches the call's
# arguments allow, as ASL201's does. A call that enables the branch is
# reported.
import asyncio


class Worker:
    def async_run(self, coro):
        return asyncio.get_event_loop().run_until_complete(coro)

    async def connect(self):
        await asyncio.sleep(0)


class WorkerTests:
    def setup_worker(self, name, *, connect: bool = False):
        worker = Worker()
        if connect:
            worker.async_run(worker.connect())
        return worker

    async def test_default_does_not_connect(self):
        self.setup_worker("a")  # quiet: connect stays False

    async def test_explicitly_not_connected(self):
        self.setup_worker("a", connect=False)  # quiet

    async def test_connected(self):
        self.setup_worker("a", connect=True)  # want: ASL101 "reaches `asyncio.get_event_loop\(\).run_until_complete\(\)` via WorkerTests.setup_worker\(\)"

    async def test_unknown_flag(self, flag):
        self.setup_worker("a", connect=flag)  # want: ASL101
