# A module of the project that assigns a protocol method onto an object
# (`Legacy.__aenter__ = _aenter`, `setattr(Cursor, "__aiter__", f)`) may
# give any class that method: the name is looked up, not the object.


class Legacy:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


async def _aenter(self):
    return self


async def _aexit(self, *exc):
    return False


Legacy.__aenter__ = _aenter
Legacy.__aexit__ = _aexit


class Cursor:
    def __iter__(self):
        return iter(())


setattr(Cursor, "__aiter__", lambda self: self)




class Plain:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Feed:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


async def handler():
    async with Legacy():  # quiet: Legacy.__aenter__ is assigned above
        pass
    async for row in Cursor():  # quiet: setattr gives Cursor __aiter__
        print(row)
    async with Plain():  # quiet: some module assigns `__aenter__` on an object
        pass


def consume():
    for row in Cursor():
        print(row)
    for item in Feed():  # want: ASL111 "`Feed` defines `__aiter__` and no `__iter__`"
        print(item)
