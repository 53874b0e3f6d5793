import asyncio


class TaskWrapper:
    """Awaiting the wrapper raises the exception it was cancelled with."""

    def __init__(self, task):
        self.task = task
        self.exception = asyncio.CancelledError

    def throw(self, exception):
        self.exception = exception
        self.task.cancel()

    # Quiet: the awaited task is one the class cancels (throw()); the
    # CancelledError is that cancellation, translated as designed.
    async def result(self):
        try:
            return await self.task
        except asyncio.CancelledError as e:
            raise self.exception from e


class Reader:
    def __init__(self, task):
        self.task = task
        self.error = ConnectionError

    # Fires: nothing in the class cancels the task: the CancelledError is
    # the caller's, replaced by another exception.
    async def result(self):
        try:
            return await self.task
        except asyncio.CancelledError as e:
            raise self.error from e  # want: ASYNC104 "replaces the cancellation"
