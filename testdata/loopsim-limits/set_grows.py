# expect: budget value-size: in main at line 9, likely a set of 20001 elements
import asyncio


async def main():
    seen = set()
    for i in range(10**9):
        if i not in seen:
            seen.add(i)
    await asyncio.sleep(1)
