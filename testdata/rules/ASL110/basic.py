# `await` on calls whose value is decidably not awaitable: TypeError every
# time the line runs.
import asyncio


def log_event(name):
    print("event", name)


def helper_list():
    return [1, 2, 3]


class Manager:
    def list_images(self):
        return [{"id": 1}]

    def count(self):
        return len(self.list_images())

    def describe(self):
        if not self.list_images():
            return None
        return f"{len(self.list_images())} images"

    @staticmethod
    def flags():
        return {"a": True}


class Service:
    def __init__(self):
        self.mgr = Manager()
        self._event = asyncio.Event()
        self._queue = asyncio.Queue()

    async def run(self):
        await log_event("start")  # want: ASL110 "plain `def` whose value is not awaitable"
        images = await self.mgr.list_images()  # want: ASL110
        n = await self.mgr.count()  # want: ASL110
        text = await self.mgr.describe()  # want: ASL110
        await Manager.flags()  # want: ASL110
        await self._event.set()  # want: ASL110 "`asyncio.Event.set` is a plain method"
        await self._queue.put_nowait(1)  # want: ASL110
        return images, n, text, (await helper_list())  # want: ASL110


async def talk(host):
    reader, writer = await asyncio.open_connection(host, 80)
    await writer.write(b"x")  # want: ASL110 "`asyncio.StreamWriter.write` is a plain method"
    await writer.drain()
    line = await reader.readline()
    return line


async def quiet(something):
    # Unknown receivers say nothing by the method's name.
    await something.write(b"x")
    await something.set()
    await something.list_images()
