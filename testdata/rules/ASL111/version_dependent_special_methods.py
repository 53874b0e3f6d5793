# A special method defined twice in the class body, by Python version, is
# the compatibility shim of its time; one definition is reported.
import sys

PY_352 = sys.version_info >= (3, 5, 2)


class Reader:
    if PY_352:
        def __aiter__(self):
            return self
    else:
        async def __aiter__(self):  # quiet: only before Python 3.5.2
            return self

    async def __anext__(self):
        raise StopAsyncIteration


class Rebound:
    async def __aiter__(self):  # quiet: rebound below
        return self

    __aiter__ = None


class Stale:
    async def __aiter__(self):  # want: ASL111 "`async def __aiter__` is a coroutine"
        return self

    async def __anext__(self):
        raise StopAsyncIteration
