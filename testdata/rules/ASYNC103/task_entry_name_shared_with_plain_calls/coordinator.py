# A public method started as a task whose name other classes of the project
# also have (a process's poll(), a resource's check()): a call of that name
# whose value is thrown away, tested or compared would never run a
# coroutine, so it awaits nothing and the task's entry point stays
# unobserved; so would a value kept in a local that is only tested
# (`changed = resource.sample()` then `if changed:`), and an attribute of
# another object that only shares the name (`self.listen = Listener()`,
# `self.listen.stop()`, `self.listen.state`), or a class's own data
# attribute (`self.collect = []` then `len(self.collect)`), is no reference
# to the method.
# A call whose value is kept otherwise (stored and returned, passed,
# awaited) may be awaited later, and the handler is still reported.
import asyncio
import logging

log = logging.getLogger(__name__)


class Coordinator:
    def start(self):
        self.poll_task = asyncio.get_running_loop().create_task(self.poll())
        self.check_task = asyncio.get_running_loop().create_task(self.check())
        self.sample_task = asyncio.get_running_loop().create_task(self.sample())
        self.listen_task = asyncio.get_running_loop().create_task(self.listen())
        self.gather_task = asyncio.get_running_loop().create_task(self.gather())
        self.watch_task = asyncio.get_running_loop().create_task(self.watch())
        self.collect_task = asyncio.get_running_loop().create_task(self.collect())
        self.feed_task = asyncio.get_running_loop().create_task(self.feed())
        self.drain_task = asyncio.get_running_loop().create_task(self.drain())

    # Quiet: every other `poll` call of the project drops or tests its value.
    async def poll(self):
        try:
            while True:
                await asyncio.sleep(15)
                self.refresh()
        except asyncio.CancelledError:
            log.info("poll task cancelled")

    # Fires: procs.py keeps the value of a `check()` call.
    async def check(self):
        try:
            while True:
                await asyncio.sleep(15)
                self.refresh()
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("check task cancelled")

    # Quiet: procs.py keeps `sample()`'s value in a local it only tests.
    async def sample(self):
        try:
            while True:
                await asyncio.sleep(15)
                self.refresh()
        except asyncio.CancelledError:
            log.info("sample task cancelled")

    # Quiet: procs.py's `listen` is another class's attribute, stored and
    # read through (`self.listen.stop()`), never this method.
    async def listen(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            log.info("listen task cancelled")

    # Fires: procs.py keeps `gather()`'s value in a local that it returns.
    async def gather(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("gather task cancelled")

    # Fires: procs.py calls what an attribute of `watch` gives and calls its
    # result (a decorator's wrapper may run the coroutine).
    async def watch(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("watch task cancelled")

    # Quiet: procs.py's Batch keeps its own list in `self.collect` (stored
    # in its methods, no method or class attribute of that name): iterating
    # or measuring it reads data, not this method.
    async def collect(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            log.info("collect task cancelled")

    # Fires: procs.py's Feeder hands `self.feed` on without storing such an
    # attribute: it may be this method, inherited by a subclass.
    async def feed(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("feed task cancelled")

    # Fires: procs.py's Retrying stores `self.drain = retry(self.drain)`, a
    # wrapper of the inherited method, and awaits it.
    async def drain(self):
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:  # want: ASYNC103
            log.info("drain task cancelled")

    def refresh(self):
        pass
