# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
# File methods that do not block: compression into an in-memory buffer, and
# calls the author routes by whether they block (offloaded otherwise).
import asyncio
import gzip
import io


class GZipResponder:
    def __init__(self):
        self.buffer = io.BytesIO()
        self.gzip_file = gzip.GzipFile(mode="wb", fileobj=self.buffer)

    async def send(self, body):
        self.gzip_file.write(body)  # quiet: compresses into memory (CPU work)
        self.gzip_file.close()
        return self.buffer.getvalue()


async def compress_to_disk(path, body):
    with open(path, "wb") as raw:
        gz = gzip.GzipFile(mode="wb", fileobj=raw)
        gz.write(body)  # want: ASYNC232


class Upload:
    def __init__(self, path, in_memory):
        self.file = open(path, "rb")
        self._in_memory = in_memory

    async def read(self, size: int = -1) -> bytes:
        if self._in_memory:
            return self.file.read(size)  # quiet: offloaded below when it would block
        return await asyncio.to_thread(self.file.read, size)

    async def seek(self, offset):
        if self._in_memory:
            self.file.seek(offset)  # quiet
        else:
            await asyncio.to_thread(self.file.seek, offset)

    async def close(self):
        self.file.close()  # quiet: opened for reading only, nothing to flush


async def read_config(path):
    f = open(path)
    return f.read()  # want: ASYNC232
