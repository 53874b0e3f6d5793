# Extracting and writing archive members is file I/O on the loop's thread.
import asyncio
import io
import tarfile
import zipfile


async def extract(archive: zipfile.ZipFile, tar: tarfile.TarFile, dest: str) -> bytes:
    archive.extractall(dest)  # want: ASYNC232
    data = archive.read("manifest.json")  # want: ASYNC232
    tar.extractall(dest)  # want: ASYNC232
    names = archive.namelist()
    info = archive.getinfo("manifest.json")
    return data


async def extract_ok(archive: zipfile.ZipFile, dest: str) -> None:
    await asyncio.to_thread(archive.extractall, dest)
    buf = io.BytesIO()
    buf.write(b"x")
