# A function of the module decorated by an imported decorator of the
# project: a transparent decorator keeps the body's manager (sync only
# here), a replacing one gives its wrapper's.
from pkg.decorators import as_async, logged, registered


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@logged
def logged_guard():
    return Guard()


@registered
def registered_guard():
    return Guard()


@as_async
def wrapped_guard():
    return Guard()


async def enter():
    async with logged_guard():  # want: ASL111 "`Guard` defines `__enter__` and no `__aenter__`"
        pass
    g = registered_guard()
    async with g:  # want: ASL111
        pass
    # Quiet: the wrapper returns an asynchronous manager.
    async with wrapped_guard():
        pass
    w = wrapped_guard()
    async with w:
        pass
