import io
import tempfile
from pathlib import Path


async def read(path):
    with open(path) as f:  # want: ASYNC230 "`open\(\)` blocks the event loop in async function `read`"
        pass
    io.open(path)  # want: ASYNC230
    tempfile.NamedTemporaryFile()  # want: ASYNC230
    Path(path).open()  # want: ASYNC230


# Quiet.
def sync_read(path):
    with open(path) as f:
        return f.read()


async def shadowed(open, path):
    return open(path)


async def in_thread(path):
    import asyncio

    return await asyncio.to_thread(open, path)
