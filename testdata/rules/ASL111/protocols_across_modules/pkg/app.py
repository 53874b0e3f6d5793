from pkg.cms import Guard, events, opened
from . import cms


async def main():
    async with opened("x"):  # want: ASL111 "a call of an `@contextmanager` generator"
        pass
    async with Guard():  # want: ASL111 "`Guard` defines `__enter__` and no `__aenter__`"
        pass
    async with cms.Guard():  # want: ASL111
        pass
    for e in events():  # want: ASL111 "async generator function `events`"
        print(e)
    guard = Guard()
    with guard:
        pass
    with opened("y"):
        pass
    async for e in events():
        print(e)
