# A blocking call made directly in a generator-based coroutine
# (`@asyncio.coroutine`) blocks the event loop as it does in an async def;
# the advice waits with `yield from`, since `await` is a syntax error there,
# and no fix is offered.
import asyncio
import time


@asyncio.coroutine
def poll_printer(printer):
    while True:
        printer.refresh()
        time.sleep(5)  # want: ASYNC251 "in generator-based coroutine `poll_printer`; use `yield from asyncio\.sleep\(\.\.\.\)`"


@asyncio.coroutine
def poll_printer_politely(printer):
    while True:
        printer.refresh()
        # Quiet: the loop is free while it waits.
        yield from asyncio.sleep(5)


def poll_printer_in_a_thread(printer):
    # Quiet: synchronous code.
    while True:
        printer.refresh()
        time.sleep(5)


def frames(camera):
    # Quiet: a plain generator.
    while True:
        time.sleep(0.1)
        yield camera.grab()
