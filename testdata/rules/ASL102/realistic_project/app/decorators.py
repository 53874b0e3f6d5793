import functools
import time


def timed(func):
    @functools.wraps(func)
    async def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            print(func.__name__, time.perf_counter() - start)

    return wrapper


def cached(func):
    # Returns a sync wrapper: calling it does not give a coroutine.
    cache = {}

    @functools.wraps(func)
    def wrapper(key):
        return cache.get(key)

    return wrapper
