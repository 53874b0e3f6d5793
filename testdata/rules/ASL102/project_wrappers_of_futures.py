# A project method that returns asyncio.gather(...) returns a Future: its
# add_done_callback is the Future's, and its children run as tasks. A
# project method that returns a coroutine is still a coroutine factory.
import asyncio


class Runner:
    def gather(self, *futures):
        return asyncio.gather(*futures, return_exceptions=True)

    def fetch(self, url):
        return asyncio.sleep(0, url)

    async def work(self, i):
        await asyncio.sleep(i)

    def start(self, stop):
        workers = self.gather(*(self.work(i) for i in range(3)))
        workers.add_done_callback(stop)
        return workers

    def start_fetch(self, stop):
        pending = self.fetch("x")  # want: ASL102
        pending.add_done_callback(stop)
