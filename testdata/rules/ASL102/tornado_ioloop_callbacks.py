# tornado's IOLoop runs the coroutine a callback returns (every callback's
# result goes through gen.convert_yielded and add_future), so handing its
# call_later, call_at or add_timeout a coroutine function is fine. asyncio's
# loop drops the coroutine.
import asyncio

from tornado.ioloop import IOLoop


class Worker:
    def __init__(self):
        self.loop = self.io_loop = IOLoop.current()

    async def close_gracefully(self, reason=None):
        await asyncio.sleep(0)

    def setup(self):
        self.io_loop.call_later(10, self.close_gracefully, reason="lifetime")
        loop = IOLoop.current()
        loop.call_at(loop.time() + 1, self.close_gracefully)
        loop.add_timeout(5, self.close_gracefully)

    def setup_asyncio(self):
        loop = asyncio.get_event_loop()
        loop.call_later(10, self.close_gracefully)  # want: ASL102
