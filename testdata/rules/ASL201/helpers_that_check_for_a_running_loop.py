import asyncio
import contextlib
import threading


def running_loop():
    with contextlib.suppress(RuntimeError):
        return asyncio.get_running_loop()
    return None


class Service:
    def __init__(self):
        self.loop = None
        self.start()

    # Called from a coroutine, a loop is running: start() returns before
    # it starts (and waits for) its own thread.
    def start(self):
        self.loop = running_loop()
        if self.loop:
            self.ready = asyncio.Event()
            return
        self._start_thread()

    def _start_thread(self):
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,)).start()
        ready.wait()

    def _run(self, ready):
        ready.set()


def stop(thread: threading.Thread):
    if asyncio._get_running_loop() is not None:
        return
    thread.join()


def stop_else(thread: threading.Thread):
    if asyncio._get_running_loop() is None:
        thread.join()


def stop_other(thread: threading.Thread, flag):
    if flag:
        return
    thread.join()


def stop_maybe(thread: threading.Thread):
    if running_loop():
        print("in a loop")
    thread.join()


# Quiet: every path that blocks runs only when no loop is running.
async def make_service():
    return Service()


async def shutdown(thread: threading.Thread):
    stop(thread)
    stop_else(thread)


# Fires: the early return depends on something else, or does not return.
async def shutdown_flagged(thread: threading.Thread, flag):
    stop_other(thread, flag)  # want: ASL201
    stop_maybe(thread)  # want: ASL201



class ThreadedService:
    # No check for a running loop: the thread is started and waited for.
    def __init__(self):
        ready = threading.Event()
        threading.Thread(target=ready.set).start()
        ready.wait()


async def make_threaded_service():
    return ThreadedService()  # want: ASL201
