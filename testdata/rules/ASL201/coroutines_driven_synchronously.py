# A coroutine that only the module's own synchronous driver runs (dugong's
# eval_coroutine, vendored by s3ql) is on no event loop: a helper that
# blocks stalls only the calling thread, as a direct blocking call does
# (ASYNC232/coroutines_driven_synchronously.py).
import asyncio
import time


def eval_coroutine(coroutine):
    it = coroutine.__await__()
    try:
        next(it)
    except StopIteration as exc:
        return exc.value
    raise RuntimeError("coroutine suspended")


def pause():
    time.sleep(1)


class Tracer:
    def __init__(self):
        self.last = 0

    @property
    def stamp(self):
        time.sleep(0.1)
        return self.last


# Quiet: driven only.
class Connection:
    def __init__(self):
        self.tracer = Tracer()

    def wait(self):
        return eval_coroutine(self.co_wait())

    async def co_wait(self):
        time.sleep(1)
        pause()
        return self.tracer.stamp


# Fires: also run on an event loop.
class Client:
    def __init__(self):
        self.tracer = Tracer()

    def get(self):
        return eval_coroutine(self.co_get())

    async def co_get(self):
        pause()  # want: ASL201
        return self.tracer.stamp  # want: ASL201

    def run(self):
        return asyncio.run(self.co_get())
