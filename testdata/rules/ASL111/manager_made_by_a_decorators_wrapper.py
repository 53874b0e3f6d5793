# A call of a function that a decorator of the module replaces by a wrapper
# of its own returns what the wrapper returns, not what the function's body
# does: here an asynchronous manager, so `async with` is right. A wrapper
# that hands back the wrapped call (`return fn(*args)`) keeps the body's
# value, and a registering decorator (`return fn`) keeps the function.
import functools


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class AsyncGuard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


def as_async(fn):
    def wrapper(*args):
        return AsyncGuard()
    return wrapper


def with_options(**opts):
    def decorate(fn):
        def wrapper(*args):
            return AsyncGuard()
        return wrapper
    return decorate


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


REGISTRY = []


def registered(fn):
    REGISTRY.append(fn)
    return fn


@as_async
def wrapped_guard():
    return Guard()


@with_options(retries=2)
def wrapped_by_factory():
    return Guard()


@logged
def logged_guard():
    return Guard()


@registered
def registered_guard():
    return Guard()


async def quiet_wrapped():
    g = wrapped_guard()
    async with g:
        pass
    async with wrapped_by_factory():
        pass


async def fires_through_transparent_wrappers():
    g = logged_guard()
    async with g:  # want: ASL111 "`Guard` defines `__enter__` and no `__aenter__`"
        pass
    r = registered_guard()
    async with r:  # want: ASL111 "`Guard` defines `__enter__` and no `__aenter__`"
        pass
