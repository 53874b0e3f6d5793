from . import locks
from .locks import alock, either, tlock


async def main():
    with alock:  # want: ASL108 "`alock` \(asyncio.Lock\) supports only `async with`"
        pass
    with locks.alock:  # want: ASL108
        pass
    with tlock:
        pass
    with either:
        pass
