# os.fsync / os.fdatasync force a file's data to the disk and wait for the
# device ("The call blocks until the device reports that the transfer has
# completed", fsync(2)); os.sync commits every file system's buffers.
# pyhaul moved its periodic fdatasync off the loop (chad-loder/pyhaul#35),
# where it called it through `datasync = getattr(os, "fdatasync", os.fsync)`.
import asyncio
import os

datasync = getattr(os, "fdatasync", os.fsync)


async def save(fd: int, data: bytes):
    os.write(fd, data)
    os.fsync(fd)  # want: ASL202 "`os\.fsync\(\)` blocks the event loop in async function `save`; flush in a worker thread"


async def save_data(fd: int):
    os.fdatasync(fd)  # want: ASL202


async def flush_everything():
    os.sync()  # want: ASL202


async def save_portable(fd: int):
    datasync(fd)  # want: ASL202 "`datasync\(\)` blocks the event loop"


# Quiet: the flush in a worker thread or an executor, and in sync code; a
# getattr of a name that is not a constant resolves to nothing.
async def save_in_thread(fd: int):
    await asyncio.to_thread(os.fsync, fd)
    await asyncio.get_running_loop().run_in_executor(None, datasync, fd)


def save_sync(fd: int):
    os.fsync(fd)
    datasync(fd)


async def save_named(fd: int, name: str):
    getattr(os, name)(fd)
