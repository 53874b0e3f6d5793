from . import locks
from .locks import LockClass, alock, either, tlock


async def main():
    async with tlock:  # want: ASL111 "`tlock` \(a `threading.Lock`\) supports only a plain `with`"
        pass
    async with locks.tlock:  # want: ASL111
        pass
    async with alock:
        pass
    async with either:
        pass
    async with LockClass():  # want: ASL111
        pass
