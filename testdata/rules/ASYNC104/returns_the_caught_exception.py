# A handler that returns the exception it caught hands the cancellation to
# its caller as the result (the protocol of gather(..., return_exceptions=True)),
# for the caller to raise: libpulse's _run_in_task().
import asyncio


async def _run_in_task(method, *args):
    try:
        return await method(*args)
    except (Exception, asyncio.CancelledError) as e:
        return e  # quiet: the caught cancellation is the result, raised by the caller


async def get(method, *args):
    result = await _run_in_task(method, *args)
    if isinstance(result, (Exception, asyncio.CancelledError)):
        raise result
    return result


# Returning anything else, or a copy of what was caught, swallows it.
async def fetch(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError as e:
        return str(e)  # want: ASYNC104


async def fetch_or_none(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError as e:
        return None  # want: ASYNC104


async def wrap(client, url):
    try:
        return await client.get(url)
    except asyncio.CancelledError as e:
        return e.args  # want: ASYNC104
