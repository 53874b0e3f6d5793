# Opening archives and compressed files reads from disk on the loop's thread.
import asyncio
import gzip
import tarfile
import zipfile
from pathlib import Path


async def unpack_upload(path: Path, dest: Path) -> list:
    with zipfile.ZipFile(path) as archive:  # want: ASYNC230
        names = archive.namelist()
    with tarfile.open(path) as tar:  # want: ASYNC230
        pass
    with gzip.open(path, "rt") as f:  # want: ASYNC230
        pass
    return names


def _unpack(path: Path, dest: Path) -> None:
    # Quiet: a sync helper, run in a thread below.
    with zipfile.ZipFile(path) as archive:
        archive.extractall(dest)


async def unpack_ok(path: Path, dest: Path) -> None:
    await asyncio.to_thread(_unpack, path, dest)
    buf = gzip.compress(b"data")
