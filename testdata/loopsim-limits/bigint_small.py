# expect: seconds 0.1
# expect: assumption integers beyond 64 bits are not simulated: 2 ** 100 is unknown
import asyncio


async def main():
    # Beyond 64 bits but small: an unknown value, not the end of the run.
    x = 2 ** 100
    await asyncio.sleep(0.1)
    return x
