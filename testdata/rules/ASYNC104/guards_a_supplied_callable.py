# A wrapper around the callback it was given returns or translates whatever
# the callback raises, by design (discord.py's command callbacks).
import asyncio


class CommandError(Exception): ...


class CommandInvokeError(CommandError): ...


def wrap_callback(coro):
    async def wrapped(*args, **kwargs):
        try:
            ret = await coro(*args, **kwargs)
        except CommandError:
            raise
        except asyncio.CancelledError:
            return  # quiet: a cancelled command callback counts as finished
        except Exception as exc:
            raise CommandInvokeError(exc) from exc
        return ret

    return wrapped


# Fires: the callee is a function of the module, not a handed callable.
async def invoke(ctx):
    try:
        return await run_command(ctx)
    except asyncio.CancelledError:
        return None  # want: ASYNC104


async def run_command(ctx): ...


class ASGIApp:
    def __init__(self, on_startup=None, hook=None):
        self.on_startup = on_startup
        self.hook = make_hook()

    # Quiet: the startup hook the application handed in; the handler leaves
    # the loop and the function on its one path (python-engineio's lifespan).
    async def lifespan(self, receive, send):
        while True:
            event = await receive()
            if event["type"] == "lifespan.startup":
                try:
                    await self.on_startup()
                except:
                    await send({"type": "lifespan.startup.failed"})
                    return  # quiet: the application's hook failed, whatever it raised
                await send({"type": "lifespan.startup.complete"})

    # Fires: an attribute the class sets to its own value, not a handed callable.
    async def run_hook(self):
        try:
            await self.hook()
        except asyncio.CancelledError:
            return False  # want: ASYNC104

    # Fires: a method of the class is its own code.
    async def run_step(self):
        try:
            await self.step()
        except asyncio.CancelledError:
            return False  # want: ASYNC104

    async def step(self): ...


def make_hook(): ...
