import shutil


async def save_upload(upload, path: str) -> None:
    with open(path, "wb") as out:  # want: ASYNC230 "and the file's `shutil\.copyfileobj\(\)` \(line 6\) block"
        shutil.copyfileobj(upload.file, out)  # named in the open's finding


async def copy_streams(src, dst) -> None:
    shutil.copyfileobj(src, dst)  # want: ASYNC232 "`shutil.copyfileobj\(\)` blocks the event loop"


# Quiet: in a worker thread.
def _save(upload, path: str) -> None:
    with open(path, "wb") as out:
        shutil.copyfileobj(upload.file, out)


async def save_upload_offloaded(upload, path: str) -> None:
    import asyncio

    await asyncio.to_thread(_save, upload, path)
