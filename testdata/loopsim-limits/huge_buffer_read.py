# A 200 MB buffer whose bytes are then searched must be built: that still
# exceeds the value-size budget, at the line that reads it.
# expect: budget value-size: the bytes of a bytearray
import asyncio


async def main():
    buf = bytearray(200_000_000)
    await asyncio.sleep(0.1)
    if buf.find(b"\xff") >= 0:
        await asyncio.sleep(1)
