# The same batching thread in a module that also makes asyncio futures: a
# future of unknown type set from the thread may be one of those.
import asyncio
from concurrent.futures import Future
from queue import Queue
from threading import Thread


class MixedSession:
    def __init__(self, execute_batch, loop):
        self.execute_batch = execute_batch
        self.loop = loop
        self.batch_queue: Queue = Queue()
        self._thread = Thread(target=self._batch_loop, daemon=True)
        self._thread.start()

    def _batch_loop(self):
        while True:
            item = self.batch_queue.get()
            if item is None:
                break
            request, future = item
            future.set_result(self.execute_batch([request]))  # want: ASL106

    def execute_future(self, request) -> Future:
        future: Future = Future()
        self.batch_queue.put((request, future))
        return future

    def execute_awaitable(self, request):
        future = self.loop.create_future()
        self.batch_queue.put((request, future))
        return future
