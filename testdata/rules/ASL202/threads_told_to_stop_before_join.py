# A join() of a thread the same function told to stop first waits for the
# rest of the thread's current step: a sentinel on its queue, its stop
# event set, its loop stopped, the process terminated. Without such a
# signal the join waits for whatever the thread does, and is reported.
import asyncio
import multiprocessing
import queue
import threading

_STOP = object()
DEFAULT_ITEM = "ping"


class Decoder:
    def __init__(self):
        self.queue = queue.Queue()
        self.thread = threading.Thread(target=self.work)
        self.stop_event = threading.Event()
        self.loop = asyncio.new_event_loop()
        self.process = multiprocessing.Process(target=print)

    def work(self):
        asyncio.set_event_loop(self.loop)
        while not self.stop_event.is_set() and (item := self.queue.get()) is not None:
            if item is _STOP:
                return
            print(item)

    # Quiet: told to stop, then joined.
    async def stop_with_sentinel(self):
        self.queue.put(None)
        self.thread.join()

    async def stop_with_named_sentinel(self):
        self.queue.put_nowait(_STOP)
        self.thread.join()

    async def stop_with_event(self):
        if not self.stop_event.is_set():
            self.stop_event.set()
            if self.thread is not None:
                self.thread.join()

    async def stop_thread_loop(self):
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self.loop.stop)
        if self.thread is not None:
            self.thread.join()

    async def stop_process(self):
        self.process.terminate()
        self.process.join()

    # Through a synchronous helper (ASL201): quiet as well.
    def _stop_decoder(self):
        self.queue.put(None)
        self.thread.join()

    async def close(self):
        self._stop_decoder()

    # Reported: nothing told the thread to stop.
    async def wait_for_work(self):
        self.thread.join()  # want: ASL202 "`self\.thread\.join\(\)`"

    async def wait_with_timeout(self, timeout=None):
        self.thread.join(timeout=timeout)  # want: ASL202

    def _wait_decoder(self):
        self.thread.join()

    async def finish(self):
        self._wait_decoder()  # want: ASL201

    # Reported: a constant the thread never compares with is one more item
    # to it, not a stop.
    async def put_unchecked_constant(self):
        self.queue.put_nowait(DEFAULT_ITEM)
        self.thread.join()  # want: ASL202

    # Reported: the item put is work, not a sentinel; the signal comes after.
    async def hand_over(self, item):
        self.queue.put(item)
        self.thread.join()  # want: ASL202

    # Reported: the event set is not one the thread looks at.
    async def unrelated_event(self, done: threading.Event):
        done.set()
        self.thread.join()  # want: ASL202

    async def signal_too_late(self):
        self.thread.join()  # want: ASL202
        self.stop_event.set()

    # Reported: the stop is in a nested function that may never run.
    async def deferred_stop(self):
        def later():
            self.queue.put(None)

        self.thread.join()  # want: ASL202
        return later


# Reported: the thread's step waits for the event loop (each beat runs on
# the loop and the thread waits for its result), so joining it from the
# loop waits until the beat times out, however it was told to stop.
class Heartbeat:
    def __init__(self, loop):
        self.loop = loop
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.beat_loop, daemon=True)

    def beat_loop(self):
        while not self.stop.wait(1):
            self.run_beat()

    def run_beat(self):
        asyncio.run_coroutine_threadsafe(self.beat(), self.loop).result(timeout=5)

    async def beat(self):
        pass

    async def shutdown(self):
        self.stop.set()
        self.thread.join(timeout=5)  # want: ASL202


# Reported: the target is not the project's, so what its step waits for is
# not known.
class Foreign:
    def __init__(self, serve):
        self.stop = threading.Event()
        self.thread = threading.Thread(target=serve)

    async def shutdown(self):
        self.stop.set()
        self.thread.join()  # want: ASL202


# Quiet: the thread attribute is annotated where it starts as None.
class Annotated:
    def __init__(self):
        self.queue = queue.Queue()
        self.thread: "threading.Thread | None" = None

    def work(self):
        while self.queue.get() is not None:
            pass

    async def start(self):
        self.thread = threading.Thread(target=self.work)
        self.thread.start()

    async def stop(self):
        if self.thread:
            self.queue.put(None)
            self.thread.join()


# The joined object's own stop(): quiet when the thread's step is its own,
# reported when that step waits for the event loop (as for an event set).
class Ticker(threading.Thread):
    def __init__(self, target):
        super().__init__(target=target)
        self.stopped = threading.Event()

    def stop(self):
        self.stopped.set()


class TickerOwnStep:
    def __init__(self):
        self.thread = Ticker(target=self.work)

    def work(self):
        print("tick")

    async def shutdown(self):
        self.thread.stop()
        self.thread.join()


class TickerWaitsForLoop:
    def __init__(self, loop):
        self.loop = loop
        self.thread = Ticker(target=self.run_beat)

    def run_beat(self):
        asyncio.run_coroutine_threadsafe(self.beat(), self.loop).result()

    async def beat(self):
        pass

    async def shutdown(self):
        self.thread.stop()
        self.thread.join()  # want: ASL202


# A None sentinel is recognised by a test of the item's truth too: None is
# false (`if not item: break`, `while item := q.get():`).
class Drainer:
    def __init__(self):
        self.queue = queue.Queue()
        self.thread = threading.Thread(target=self.work)
        self.thread.start()

    def work(self):
        while True:
            item = self.queue.get()
            if not item:
                break
            print(item)

    async def close(self):
        self.queue.put(None)
        self.thread.join()  # quiet: the worker leaves on a false item


def drain(q):
    while item := q.get():
        print(item)


def drain_flagged(q, flags):
    while flags.running:
        print(q.get())


async def close_drain(q: queue.Queue):
    worker = threading.Thread(target=drain, args=(q,))
    worker.start()
    q.put_nowait(None)
    worker.join()  # quiet: the walrus loop stops on None


async def close_flagged(q: queue.Queue, flags):
    worker = threading.Thread(target=drain_flagged, args=(q, flags))
    worker.start()
    q.put_nowait(None)
    worker.join()  # want: ASL202


def drain_skipping(q):
    while True:
        item = q.get()
        if not item:
            continue
        print(item)


def drain_else(q):
    while True:
        item = q.get()
        if item:
            print(item)
        else:
            return


async def close_skipping(q: queue.Queue):
    worker = threading.Thread(target=drain_skipping, args=(q,))
    worker.start()
    q.put_nowait(None)
    worker.join()  # want: ASL202


async def close_else(q: queue.Queue):
    worker = threading.Thread(target=drain_else, args=(q,))
    worker.start()
    q.put_nowait(None)
    worker.join()  # quiet: the worker returns on a false item
