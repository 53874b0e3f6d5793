# A wait for a task the class itself cancels is the documented
# `t.cancel(); await t` idiom, also when the cancel goes through a local
# alias of the attribute (`if task := self.task: task.cancel()`) or through a
# method of the class that returns the task it cancelled (HABApp's
# SingleTask.cancel_wait and WaitBetweenConnects.wait).
import asyncio


class SingleTask:
    def __init__(self, coro):
        self.coro = coro
        self.task = None

    def start(self):
        self.task = asyncio.get_running_loop().create_task(self.coro())

    def cancel(self):
        if (task := self.task) is None:
            return None
        self.task = None
        task.cancel()
        return task

    async def cancel_wait(self):
        if task := self.cancel():
            try:
                await task
            except asyncio.CancelledError:  # quiet: cancel() returns the task it cancelled
                pass

    async def wait(self):
        if self.task is None:
            return None
        try:
            await self.task
        except asyncio.CancelledError:  # quiet: cancel() cancels self.task through its alias
            pass


class Backoff:
    def __init__(self):
        self.task = None

    async def wait(self, seconds):
        try:
            self.task = asyncio.create_task(asyncio.sleep(seconds))
            await self.task
        except asyncio.CancelledError:  # quiet: cancel() cancels the sleep task through an alias
            pass
        finally:
            self.task = None

    def cancel(self):
        if task := self.task:
            task.cancel()


class Worker:
    def __init__(self):
        self._task = None

    async def join(self):
        try:
            await self._task
        except asyncio.CancelledError:  # quiet: stop() cancels self._task through an assigned alias
            pass

    def stop(self):
        task = self._task
        self._task = None
        if task is not None:
            task.cancel()


class OtherAlias:
    def __init__(self):
        self._task = None
        self._other = None

    async def join(self):
        try:
            await self._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    def stop(self):
        other = self._other
        other.cancel()  # the class never cancels self._task


class ReboundAlias:
    def __init__(self):
        self._task = None
        self._spare = None

    async def join(self):
        try:
            await self._task
        except asyncio.CancelledError:  # want: ASYNC103
            pass

    def stop(self):
        task = self._task
        task = self._spare
        task.cancel()  # cancels the spare, not self._task


class ReturnsUncancelled:
    def __init__(self):
        self.task = None

    def current(self):
        return self.task

    async def wait_current(self):
        if task := self.current():
            try:
                await task
            except asyncio.CancelledError:  # want: ASYNC103
                pass


class CancelsOneReturnsAnother:
    def __init__(self):
        self.task = None
        self.spare = None

    def swap(self):
        old = self.task
        old.cancel()
        new = self.spare
        return new

    async def wait_swapped(self):
        task = self.swap()
        try:
            await task
        except asyncio.CancelledError:  # want: ASYNC103
            pass


class ReboundAfterCancel:
    def __init__(self):
        self.task = None

    def cancel(self):
        task = self.task
        task.cancel()
        return task

    async def wait_other(self, other):
        task = self.cancel()
        task = other
        try:
            await task
        except asyncio.CancelledError:  # want: ASYNC103
            pass
