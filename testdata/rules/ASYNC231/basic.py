import os


async def wrap(fd):
    return os.fdopen(fd)  # want: ASYNC231


# Quiet.
def sync_wrap(fd):
    return os.fdopen(fd)
