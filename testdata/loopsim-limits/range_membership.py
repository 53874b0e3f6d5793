# expect: seconds 0.3
import asyncio


async def main():
    # Membership in a huge range is arithmetic, as in CPython; sets of
    # numbers dedupe in linear time.
    big = range(0, 10**18, 3)
    if 3 * 10**17 in big and 10**17 + 1 not in big:
        await asyncio.sleep(0.1)
    evens = set(range(0, 15_000, 2)) | set(range(0, 15_000, 3))
    if len(evens) == 10_000 and 14_999 not in evens:
        await asyncio.sleep(0.2)
