# Code that asks `iscoroutinefunction(f)` tells the two kinds of f apart:
# it awaits f in one branch and calls it plainly in the other, where f is a
# plain function (a subclass's override, a plugin's hook). A call of a
# coroutine function outside such a test is still reported.
import asyncio
from inspect import iscoroutinefunction


class Plugin:
    async def decrypt(self, message):
        await asyncio.sleep(0)

    async def handle(self, message):
        func = self.decrypt
        if iscoroutinefunction(func):
            await func(message)
        else:
            func(message)

    async def handle_negated(self, message):
        func = self.decrypt
        if not asyncio.iscoroutinefunction(func):
            func(message)
            return
        await func(message)

    async def handle_untested(self, message):
        func = self.decrypt
        func(message)  # want: ASL102


class Lifespan:
    """engineio's ASGI lifespan: the hook may be either kind."""

    async def on_startup(self):
        await asyncio.sleep(0)

    async def on_shutdown(self):
        await asyncio.sleep(0)

    async def startup(self):
        # Quiet: a conditional expression split over lines with backslashes;
        # the else branch runs only for a plain function.
        await self.on_startup() \
            if asyncio.iscoroutinefunction(self.on_startup) \
            else self.on_startup()

    async def shutdown(self, log):
        # Fires: split the same way, but the test asks about another name.
        await self.on_shutdown() \
            if asyncio.iscoroutinefunction(log) \
            else self.on_shutdown()  # want: ASL102
