# Python 3.14 (PEP 758) lets an except clause list its types without
# parentheses when it binds no name: `except A, B, C:` catches the same
# classes as `except (A, B, C):`. The clause is read as that tuple, with
# two types or more, and the file is no syntax error.
import asyncio


async def swallows_cancellation(queue):
    try:
        await queue.get()
    except ValueError, asyncio.CancelledError:  # want: ASYNC103
        pass


async def swallows_it_third(queue):
    try:
        await queue.get()
    except KeyError, ValueError, asyncio.CancelledError:  # want: ASYNC103
        print("stopped")


# Quiet: the same clause re-raises.
async def reraises(queue):
    try:
        await queue.get()
    except ValueError, TypeError, asyncio.CancelledError:
        print("stopped")
        raise


# Quiet: no cancellation among the three types.
async def other_errors(queue):
    try:
        await queue.get()
    except KeyError, ValueError, TypeError:
        return None
