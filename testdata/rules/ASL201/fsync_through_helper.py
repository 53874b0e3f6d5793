# config: asl201-local-files = true  # a library's coroutines run on its users' loops
# A helper that flushes a file to the disk (os.fsync / os.fdatasync, here
# through `getattr(os, "fdatasync", os.fsync)`) blocks the coroutine that
# calls it until the device has the data: local file work, which ASL201
# follows through helpers where it follows file I/O (here by the setting;
# quiet by default outside Home Assistant: local_files_default/app.py).
# chad-loder/pyhaul#35 moved such a flush off its users' loops.
import asyncio
import os

datasync = getattr(os, "fdatasync", os.fsync)


def write_chunk(fd: int, chunk: bytes, dirty: int) -> None:
    os.write(fd, chunk)
    if dirty > 1 << 20:
        datasync(fd)


async def haul(fd: int, chunks):
    async for chunk in chunks:
        write_chunk(fd, chunk, len(chunk))  # want: ASL201 "`write_chunk\(\)` blocks the event loop in async function `haul`: it calls blocking `datasync\(\)`"


# Quiet: the helper in an executor.
async def haul_offloaded(fd: int, chunks):
    loop = asyncio.get_running_loop()
    async for chunk in chunks:
        await loop.run_in_executor(None, write_chunk, fd, chunk, len(chunk))
