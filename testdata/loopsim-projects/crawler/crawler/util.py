import asyncio
import functools

from .errors import TransientError


def retry(attempts, backoff):
    """Retry a coroutine function on TransientError, backing off 1x, 2x, ..."""

    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return await fn(*args, **kwargs)
                except TransientError:
                    if attempt == attempts:
                        raise
                    await asyncio.sleep(backoff * attempt)

        return wrapper

    return decorate
