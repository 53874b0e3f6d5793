# The protocol of what a call of a function of the module gives, and of a
# name bound once to a call: `async with make_guard():` where make_guard
# returns a Guard (only __enter__), `cm = scope("x")` then `async with cm:`
# over an @contextmanager generator, as `g = Guard()` then `async with g:`.
import contextlib
import threading


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Both:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


@contextlib.contextmanager
def scope(name):
    yield name


@contextlib.asynccontextmanager
async def ascope(name):
    yield name


def make_guard():
    return Guard()


def make_both():
    return Both()


def make_lock():
    return threading.Lock()


class Pool:
    guard_class = Guard

    def guard(self):
        return Guard()

    def other(self):
        return self.guard_class()


async def fires(pool: Pool):
    async with make_guard():  # want: ASL111 "`make_guard\(\)` \(`Guard` defines `__enter__` and no `__aenter__`\) supports only a plain `with`"
        pass
    async with make_lock():  # want: ASL111
        pass
    cm = scope("x")
    async with cm:  # want: ASL111 "`cm` \(a call of an `@contextmanager` generator\)"
        pass


async def quiet(pool: Pool, flag):
    async with make_both():
        pass
    acm = ascope("x")
    async with acm:
        pass
    with make_guard():
        pass
    # A class read from an object is never decided (a subclass may set
    # another), nor what a call of it gives.
    async with pool.guard_class():
        pass
    # Nor what a method returns: `other` returns `self.guard_class()`.
    async with pool.other():
        pass
    async with pool.guard():
        pass
    # Bound twice: which value the `async with` meets is not one call's.
    cm = scope("x")
    if flag:
        cm = ascope("y")
    async with cm:
        pass
