# expect: unknown: a timer with a NaN delay
import asyncio


async def main():
    # A NaN deadline pushed below another timer breaks the order of
    # CPython's timer heap: which timer fires when is unknown.
    await asyncio.gather(asyncio.sleep(0.2), asyncio.sleep(float("nan")), asyncio.sleep(0.05))
