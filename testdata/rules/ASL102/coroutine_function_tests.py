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
