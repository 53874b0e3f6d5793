# ensure_future of a sync method's call starts a task when the method
# returns a coroutine, its self's methods looked up from the caller's class
# (`self.start()` in Launcher runs Launcher.run, a coroutine). The first
# parameter of a staticmethod is no self: `worker.start()` there runs
# Worker's own methods, whose run returns a Future, so no task is made.
import asyncio


class Worker:
    def __init__(self):
        self.done = asyncio.get_event_loop().create_future()

    def run(self):
        return self.done

    def start(self):
        return self.run()


class Launcher:
    async def run(self):
        await asyncio.sleep(0)

    @staticmethod
    def launch(worker: Worker):
        fut = asyncio.ensure_future(worker.start())  # quiet: Worker.run returns a Future
        fut.add_done_callback(print)

    def launch_self(self):
        fut = asyncio.ensure_future(self.start())  # want: ASL301 "task `fut` is only referenced by this local variable"
        fut.add_done_callback(print)

    def start(self):
        return self.run()
