# A public method started as a task whose name other classes of the project
# also have (a process's poll(), a resource's check()): a call of that name
# whose value is thrown away, tested or compared would never run a
# coroutine, so it awaits nothing and the task's entry point stays
# unobserved. A call whose value is kept (stored, passed, returned) may be
# awaited later, and the handler is still reported.
import asyncio
import logging

log = logging.getLogger(__name__)


class Coordinator:
    def start(self):
        self.poll_task = asyncio.get_running_loop().create_task(self.poll())
        self.check_task = asyncio.get_running_loop().create_task(self.check())

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

    def refresh(self):
        pass
