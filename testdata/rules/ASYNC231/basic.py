import os


async def wrap(fd):
    return os.fdopen(fd)  # want: ASYNC231 "`os\.fdopen\(\)` blocks the event loop in async function `wrap`"


# Quiet.
def sync_wrap(fd):
    return os.fdopen(fd)
