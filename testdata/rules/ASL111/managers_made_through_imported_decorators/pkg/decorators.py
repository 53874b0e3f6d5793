# Decorators of the project, imported by the module that uses them: the
# first replaces the function by a wrapper returning an asynchronous
# manager; the others hand back the wrapped call, or the function itself.
import functools


class AsyncGuard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


def as_async(fn):
    def wrapper(*args):
        return AsyncGuard()
    return wrapper


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        return fn(*args)
    return wrapper


def registered(fn):
    return fn
