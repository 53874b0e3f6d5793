# A function that polls its task until it is done outlives the task: the
# local keeps it (qasync's asyncClose spins the Qt event loop meanwhile).
import asyncio
import functools


def process_events():
    pass


def async_close(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        f = asyncio.ensure_future(fn(*args, **kwargs))  # quiet: polled until done
        while not f.done():
            process_events()

    return wrapper


def gives_up(fn, tries):
    f = asyncio.ensure_future(fn())  # want: ASL301
    while not f.done():
        process_events()
        tries -= 1
        if tries == 0:
            break  # leaves with the task pending


def checks_once(fn):
    f = asyncio.ensure_future(fn())  # want: ASL301
    if not f.done():
        process_events()
