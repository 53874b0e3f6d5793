# A 200 MB zero-filled buffer is far beyond the value-size budget, but its
# bytes are never read: it is held as a length and a fill byte, costs the
# time to fill new memory (about 1.2 ns a byte, three times: the buffer,
# the padding, the copy) and the run goes on.
# expect: seconds 0.85
# expect: assumption CPU work
import asyncio

CHUNK = 200_000_000


async def main():
    buf = bytearray(CHUNK)
    padding = b"\0" * CHUNK
    copy = bytes(buf)
    if len(buf) != CHUNK or buf[-1] != 0 or not buf or copy[7] != 0 or len(padding) != CHUNK:
        raise RuntimeError("wrong buffer")
    await asyncio.sleep(0.1)
