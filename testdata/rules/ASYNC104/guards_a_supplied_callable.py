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
