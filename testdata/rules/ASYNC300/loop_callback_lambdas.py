# A lambda handed to the event loop as a callback (loop.call_soon,
# call_later, call_at, call_soon_threadsafe, add_signal_handler, a task's
# add_done_callback) is called from the loop's callback handle, which drops
# what the lambda returns: a task the lambda returns is held by nothing.
import asyncio
import signal

from tornado.ioloop import IOLoop


async def refresh(): ...


def schedule(loop: asyncio.AbstractEventLoop, task: asyncio.Task):
    loop.call_soon(lambda: asyncio.ensure_future(refresh()))  # want: ASYNC300
    loop.call_later(5, lambda: asyncio.create_task(refresh()))  # want: ASYNC300
    loop.call_at(loop.time() + 1, lambda: loop.create_task(refresh()))  # want: ASYNC300
    loop.call_soon_threadsafe(lambda: (asyncio.create_task(refresh())))  # want: ASYNC300
    loop.add_signal_handler(signal.SIGHUP, lambda: asyncio.create_task(refresh()))  # want: ASYNC300
    task.add_done_callback(lambda t: asyncio.create_task(refresh()))  # want: ASYNC300
    # Only a done callback is added to the new task: it is still dropped.
    loop.call_later(1, lambda: asyncio.ensure_future(refresh()).add_done_callback(print))  # want: ASYNC300


class Poller:
    def __init__(self):
        self._loop = asyncio.get_event_loop()

    def start(self):
        # An untyped receiver named like an event loop: its call_later is the loop's.
        self._loop.call_later(1, lambda: asyncio.ensure_future(self.poll()))  # want: ASYNC300

    async def poll(self): ...


# Quiet: the task is kept, or the lambda's result is not the loop's to drop.
background = set()


def keep(task):
    background.add(task)
    task.add_done_callback(background.discard)


def quiet(loop: asyncio.AbstractEventLoop, items, ioloop: IOLoop):
    # The callback keeps the task itself.
    loop.call_soon(lambda: keep(asyncio.create_task(refresh())))
    # Another method of the new task: what it returns is not the task.
    loop.call_soon(lambda: asyncio.create_task(refresh()).cancel())
    # Tornado's IOLoop keeps an awaitable its callback returns and logs its
    # exception (IOLoop._run_callback).
    ioloop.add_callback(lambda: asyncio.ensure_future(refresh()))
    # A lambda whose result its caller keeps (sorted's key, a factory).
    tasks = list(map(lambda _: asyncio.create_task(refresh()), items))
    factory = lambda: asyncio.create_task(refresh())
    kept = factory()
    # A task only tested for truth is dropped there, wherever it is written.
    loop.call_soon(lambda: None if asyncio.create_task(refresh()) else None)  # want: ASYNC300
    return tasks, kept
