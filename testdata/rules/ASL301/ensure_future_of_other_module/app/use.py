import asyncio

from .events import new_waiter, notify


def waits():
    # new_waiter, a sync function of another module, returns a Future that
    # ensure_future returns unchanged: quiet.
    waiter = asyncio.ensure_future(new_waiter())
    waiter.add_done_callback(print)


def starts():
    t = asyncio.ensure_future(notify())  # want: ASL301
    t.add_done_callback(print)
