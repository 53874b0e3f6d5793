import asyncio
import os
from os import fdopen as wrap_fd


async def read_pipe() -> bytes:
    r, w = os.pipe()
    os.write(w, b"x")
    with os.fdopen(r, "rb") as fh:  # want: ASYNC231
        return fh.read()


async def wrap(fd: int):
    return wrap_fd(fd, "w")  # want: ASYNC231


async def good(fd: int):
    return await asyncio.to_thread(os.fdopen, fd, "rb")


def sync(fd):
    return os.fdopen(fd)
