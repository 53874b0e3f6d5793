import shutil


async def save_upload(upload, path: str) -> None:
    with open(path, "wb") as out:  # want: ASYNC230
        shutil.copyfileobj(upload.file, out)  # want: ASYNC232 "`shutil.copyfileobj\(\)` blocks the event loop"


# Quiet: in a worker thread.
def _save(upload, path: str) -> None:
    with open(path, "wb") as out:
        shutil.copyfileobj(upload.file, out)


async def save_upload_offloaded(upload, path: str) -> None:
    import asyncio

    await asyncio.to_thread(_save, upload, path)
