# A coroutine handed to a function of the project that only prints or
# inspects its parameter (`str(output)`, a log line) is never run: the same
# weak use as `str(coro)` in the caller, wrong when nothing else awaits it.
import asyncio
import logging


async def fetch(url):
    await asyncio.sleep(0)
    return url


def describe(value):
    return {"value": str(value)}


def log_it(value):
    logging.info("got %s", value)


def report(url):
    result = fetch(url)  # want: ASL102 "it is passed to `describe\(\)` as `value`, where it is only printed or inspected"
    return describe(result)


def note(url):
    log_it(fetch(url))  # want: ASL102


# Quiet: the function runs it, hands it on, or returns it; or the caller
# also awaits it.
def run(value):
    return asyncio.run(value)


def keep(value):
    print(value)
    return value


def run_report(url):
    return run(fetch(url))


def keep_report(url):
    return keep(fetch(url))


async def described(url):
    coro = fetch(url)
    summary = describe(coro)
    return summary, await coro
