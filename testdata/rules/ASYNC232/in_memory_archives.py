# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import io
import tarfile
import zipfile


# Quiet: the archive is opened over bytes already downloaded; opening it
# and reading a member touch only that buffer (CPU work, no file I/O).
async def firmware_image(session, url):
    async with session.get(url) as rsp:
        data = await rsp.read()
    img_tgz = io.BytesIO(data)
    with tarfile.open(fileobj=img_tgz) as tar:
        for item in tar:
            if item.name.endswith(".ota"):
                f = tar.extractfile(item)
                return f


async def manifest(blob):
    archive = zipfile.ZipFile(io.BytesIO(blob))
    return archive.read("manifest.json")


# Fires: extracting writes files to disk even from an in-memory archive.
async def unpack(blob, dest):
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(dest)  # want: ASYNC232


# Fires: an archive on disk.
async def firmware_from_disk(path):
    with tarfile.open(path) as tar:
        return tar.extractfile("image.ota")  # want: ASYNC232


async def manifest_from(upload):
    archive = zipfile.ZipFile(upload)
    return archive.read("manifest.json")  # want: ASYNC232
