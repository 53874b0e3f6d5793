# A call whose value is decidably not awaitable, handed to an asyncio API
# that takes awaitables (create_task, ensure_future, gather, wait_for,
# shield, run_until_complete, asyncio.run): `asyncio.create_task(writer.close())`
# raises TypeError every time it runs (`StreamWriter.close()` gives None),
# and no task is made, so ASYNC300 stays quiet where this is reported.
import asyncio

from .helpers import start_background


def log_event(name):
    print("event", name)


def helper_list():
    return [1, 2, 3]


def make_coro():
    return fetch()


async def fetch():
    await asyncio.sleep(0)


class Peer:
    def __init__(self, writer: asyncio.StreamWriter):
        self.writer = writer
        self.stop = asyncio.Event()

    def kick(self):
        asyncio.create_task(self.writer.close())  # want: ASL110 "`self.writer.close\(\)`: `asyncio.StreamWriter.close` is a plain method: `asyncio.create_task\(\)` expects a coroutine or awaitable, so this line raises every time it runs"

    def wake(self):
        asyncio.ensure_future(self.stop.set())  # want: ASL110


async def talk(host):
    reader, writer = await asyncio.open_connection(host, 80)
    closing = asyncio.create_task(writer.close())  # want: ASL110
    await asyncio.gather(fetch(), log_event("x"))  # want: ASL110 "`log_event\(\"x\"\)`: `[a-z_.]*log_event` is a plain `def` whose value is not awaitable"
    await asyncio.wait_for(helper_list(), 1)  # want: ASL110
    await asyncio.shield(log_event("y"))  # want: ASL110
    return closing


def run_blocking():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(log_event("start"))  # want: ASL110
    asyncio.run(log_event("again"))  # want: ASL110


# Quiet: coroutines, values that may be awaitable, unknown receivers, a
# project helper that is not an asyncio API, splats.
async def quiet(something, coros):
    asyncio.create_task(fetch())  # want: ASYNC300
    task = asyncio.create_task(make_coro())
    other = asyncio.create_task(something.close())
    start_background(log_event("z"))
    await asyncio.gather(*coros)
    await asyncio.gather(fetch(), make_coro())
    return task, other


# Code generated from an async twin (pymongo's synchronous modules): the
# method that runs the coroutine is handed on only where `_IS_SYNC` says the
# line never runs, so its body never runs either; quiet. The same method
# handed on in code that runs fires.
_IS_SYNC = True


class Executor:
    def _run(self):
        return None

    def _run_async(self):
        asyncio.run(self._run())

    def _run_async_too(self):
        asyncio.run(self._run())  # want: ASL110

    def open(self, threading):
        if _IS_SYNC:
            target = self._run
        else:
            target = self._run_async
        threading.Thread(target=target).start()
        threading.Thread(target=self._run_async_too).start()
