import asyncio
import random


class TimerSync:
    # xknx's timer synchronisation: the waiter future is stored (in a tuple)
    # where stop() cancels it; the handler ends the wait on that cancel. The
    # statement after the await awaits nothing.
    def __init__(self, loop):
        self._loop = loop
        self._expected_notify_handler = None
        self._pending = None
        self.timekeeper = False

    def stop(self):
        if self._expected_notify_handler:
            self._expected_notify_handler[1].cancel()

    def update(self, new_value):
        pass

    async def synchronize(self):
        message_tag = random.randbytes(2)
        waiter_fut = self._loop.create_future()
        self._expected_notify_handler = message_tag, waiter_fut
        try:
            async with asyncio.timeout(3):
                timer_value = await waiter_fut
            self.update(new_value=timer_value)
        except asyncio.TimeoutError:
            self.timekeeper = True
        except asyncio.CancelledError:
            return
        finally:
            self._expected_notify_handler = None

    async def synchronize_unstored(self):
        waiter_fut = self._loop.create_future()
        self._pending = waiter_fut
        try:
            await waiter_fut
        except asyncio.CancelledError:
            # Fires: nothing in the class cancels self._pending.
            return  # want: ASYNC104

    async def synchronize_then_send(self, send):
        message_tag = random.randbytes(2)
        waiter_fut = self._loop.create_future()
        self._expected_notify_handler = message_tag, waiter_fut
        try:
            timer_value = await waiter_fut
            await send(timer_value)
        except asyncio.CancelledError:
            # Fires: the later await may receive the caller's cancellation.
            return  # want: ASYNC104
