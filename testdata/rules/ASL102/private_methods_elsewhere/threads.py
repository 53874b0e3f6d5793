# The project's thread classes: the private coroutine methods the models
# module calls on receivers whose type it does not know.


class ThreadBase:
    def __init__(self, session, id):
        self.session = session
        self.id = id

    async def _forced_fetch(self, message_id):
        return await self.session.post("/fetch", {"id": message_id})

    async def _send_raw(self, data):
        await self.session.post("/send", data)

    async def _flush_both(self):
        await self.session.post("/flush", {})

    async def _stream(self):
        # An async generator: calling it makes no coroutine.
        yield await self.session.post("/stream", {})

    async def send_text(self, text):
        await self._send_raw({"text": text})


class User(ThreadBase):
    async def _forced_fetch(self, message_id):
        return await self.session.post("/user/fetch", {"id": message_id})


class Stream:
    async def _write(self, data):
        await self.session.post("/write", data)
