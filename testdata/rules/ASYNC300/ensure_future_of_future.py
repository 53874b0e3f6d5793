# ensure_future(x) returns x itself when x is already a Future: no task is
# made, and what completes the Future (the executor, the children) holds it.
import asyncio
import concurrent.futures


def write_back(path, data):
    with open(path, "w") as f:
        f.write(data)


def pending():
    return asyncio.get_running_loop().create_future()


async def refresh(n):
    await asyncio.sleep(n)


class Cache:
    def __init__(self, loop):
        self._loop = loop

    def store(self, path, data):
        asyncio.ensure_future(asyncio.get_event_loop().run_in_executor(None, write_back, path, data))  # quiet: a Future
        asyncio.ensure_future(self._loop.run_in_executor(None, write_back, path, data))  # quiet: a Future
        asyncio.ensure_future(asyncio.wrap_future(concurrent.futures.Future()))  # quiet: a Future
        asyncio.ensure_future(pending())  # quiet: a project function returning a Future

    def refresh_later(self):
        asyncio.ensure_future(refresh(1))  # want: ASYNC300
        asyncio.ensure_future(asyncio.gather(refresh(1), refresh(2)))  # quiet: gather returns a Future
        asyncio.ensure_future(asyncio.sleep(1))  # want: ASYNC300


def typed_loop(path):
    lp = asyncio.get_running_loop()
    asyncio.ensure_future(lp.run_in_executor(None, write_back, path, ""))  # quiet: a Future
