import asyncio
import functools

from .settings import LIMITS


class Unavailable(Exception):
    pass


def retried(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        for attempt in range(LIMITS.attempts):
            try:
                return await fn(*args, **kwargs)
            except Unavailable:
                await asyncio.sleep(LIMITS.backoff * (attempt + 1))
        raise Unavailable("gave up")

    return wrapper
