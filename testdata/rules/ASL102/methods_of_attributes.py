import asyncio


class Database:
    async def connect(self):
        await asyncio.sleep(0)

    async def execute(self, query):
        await asyncio.sleep(0)
        return []

    async def close(self):
        await asyncio.sleep(0)


class Service:
    def __init__(self):
        self.db = Database()

    async def start(self):
        self.db.connect()  # want: ASL102
        rows = await self.db.execute("select 1")
        return rows

    async def stop(self):
        await self.flush()
        self.db.close()  # want: ASL102

    async def flush(self):
        pending = self.db.execute("commit")  # want: ASL102

    def __del__(self):
        self.db.close()  # want: ASL102


async def run():
    svc = Service()
    await svc.start()
    svc.stop()  # want: ASL102
    db = Database()
    await asyncio.gather(db.connect(), db.execute("x"))
    task = asyncio.create_task(db.close())
    await task


# An attribute bound by `async with ... as self.ws` has the entered value's type.
import websockets


class Listener:
    def __init__(self, url):
        self.url = url
        self.ws = None

    async def ack(self, msg_id):
        self.ws.send(str(msg_id))  # want: ASL102
        await self.ws.send("ok")  # quiet: awaited

    async def run(self):
        async with websockets.connect(self.url) as self.ws:
            async for raw in self.ws:
                await self.ack(raw)
