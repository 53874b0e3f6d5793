# gql's SyncClientSession: the batching thread sets the futures its callers
# queued. They reach it through a queue of tuples no annotation types, but
# the module makes only concurrent.futures futures, which are thread-safe.
from concurrent.futures import Future
from queue import Queue
from threading import Thread
from typing import List, Tuple


class SyncSession:
    def __init__(self, execute_batch, loop=None):
        self.execute_batch = execute_batch
        self.loop = loop
        self.batch_queue: Queue = Queue()
        self._thread = Thread(target=self._batch_loop, daemon=True)
        self._thread.start()

    def _batch_loop(self):
        while True:
            request_and_future: Tuple[str, Future] = self.batch_queue.get()
            if request_and_future is None:
                break
            requests_and_futures: List[Tuple[str, Future]] = [request_and_future]
            requests = [request for request, _ in requests_and_futures]
            futures = [future for _, future in requests_and_futures]
            try:
                results = self.execute_batch(requests)
            except Exception as exc:
                for future in futures:
                    future.set_exception(exc)
                continue
            for result, future in zip(results, futures):
                future.set_result(result)
            if self.loop is not None:
                # Fires: the event loop's methods are not thread-safe.
                self.loop.call_soon(print, "batch done")  # want: ASL106

    def execute_future(self, request) -> Future:
        future: Future = Future()
        self.batch_queue.put((request, future))
        return future
