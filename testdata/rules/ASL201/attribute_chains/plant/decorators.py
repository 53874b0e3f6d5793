import functools
import queue

requests_for_worker: "queue.Queue" = queue.Queue()


def on_worker_thread(func):
    # The wrapper queues the method for a worker thread; it never calls it.
    @functools.wraps(func)
    def wrapper(self, *args):
        requests_for_worker.put((func, self, args))
    return wrapper


def logged(func):
    @functools.wraps(func)
    def wrapper(self, *args):
        print("calling", func.__name__)
        return func(self, *args)
    return wrapper
