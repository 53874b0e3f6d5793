# A call bound to a name that the function then hands on (passes to a call,
# or awaits) is the call written there: aiohttp-demos' polls app builds its
# application with `app = init_app(argv)` and hands it to `web.run_app(app)`,
# which awaits an awaitable it is given.
import asyncio

from aiohttp import web


async def init_app(argv=None):  # quiet: its coroutine goes to run_app()
    app = web.Application()
    return app


def main(argv):
    app = init_app(argv)
    web.run_app(app, host="localhost", port=8080)


async def make_greeting(name):  # quiet: its coroutine is awaited later
    return "hello " + name


async def greet():
    pending = make_greeting("you")
    print("waiting")
    return await pending


async def compute(n):  # quiet: passed by keyword to wait_for()
    return n + 1


async def bounded():
    job = compute(1)
    return await asyncio.wait_for(fut=job, timeout=1)


async def report(n):  # want: ASYNC124 "async function `report` never awaits"
    print(n)


def caller():
    # Bound, but only printed after being rebound: not handed on.
    r = report(1)
    r = None
    print(r)


async def summary(n):  # want: ASYNC124
    print(n)


def other_caller():
    # Bound and never used again: not handed on.
    s = summary(2)
    return 0
