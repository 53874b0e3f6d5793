# A handler that swallows a cancellation is one mistake: one finding.
import asyncio
import logging

log = logging.getLogger(__name__)


async def fetch(client, url):
    return await client.get(url)


# Fires once, as ASYNC103 on the handler: its end can be reached, and the
# message names the `return` (which ASYNC104 then leaves to it).
async def falls_through_or_returns(client, url, retry):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:  # want: ASYNC103 "\(and `raise` instead of `return` on line 19\)"
        if not retry:
            return None
        log.info("fetch of %s cancelled", url)


# Fires once, as ASYNC104 at the return: the handler is left only by it,
# the line to change.
async def only_returns(client, url):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:
        return None  # want: ASYNC104 "`return` inside `except asyncio.CancelledError` swallows"


# Fires at each return (each is a line to change), not on the handler.
async def returns_on_two_paths(client, url, fallback):
    try:
        return await fetch(client, url)
    except BaseException:
        if fallback:
            return fallback  # want: ASYNC104
        return None  # want: ASYNC104


# Fires at the return only: every other path re-raises, so the handler
# itself (ASYNC103) stays quiet, as in flake8-async.
async def returns_or_reraises(client, url, quiet):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:
        if quiet:
            return None  # want: ASYNC104
        raise


# Quiet: re-raises on every path.
async def reraises(client, url):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:
        log.info("cancelled")
        raise


# Fires once on the outer handler (its end can be reached) naming its two
# returns; the return of the nested handler of cancellation is that
# handler's own ASYNC104.
async def nested_handlers(client, url, retry):
    try:
        return await fetch(client, url)
    except asyncio.CancelledError:  # want: ASYNC103 "on lines 70, 72\)"
        if retry == 1:
            return None
        if retry == 2:
            return None
        try:
            await client.close()
        except asyncio.CancelledError:
            return None  # want: ASYNC104
        log.info("fetch cancelled")
