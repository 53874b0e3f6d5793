# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import asyncio
import csv
import io
import json
from typing import IO, Optional, TextIO


async def append_line(path: str, line: str) -> None:
    with open(path, "a") as fh:
        fh.write(line + "\n")  # want: ASYNC232


async def copy_lines(src: TextIO, dst: TextIO) -> int:
    n = 0
    for line in src.readlines():  # want: ASYNC232
        dst.write(line)  # want: ASYNC232
        n += 1
    return n


async def maybe_flush(fh: Optional[IO[str]]) -> None:
    if fh is not None:
        fh.flush()  # want: ASYNC232


class Recorder:
    def __init__(self, path: str) -> None:
        self.fh = open(path, "a")

    async def record(self, event: dict) -> None:
        self.fh.write(json.dumps(event) + "\n")  # want: ASYNC232

    async def close(self) -> None:
        self.fh.close()  # want: ASYNC232

    def record_sync(self, event: dict) -> None:
        # Quiet: sync method.
        self.fh.write(json.dumps(event))


async def in_memory(rows: list) -> str:
    # Quiet: StringIO never touches the disk.
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerows(rows)
    buf.write("\n")
    return buf.getvalue()


async def streams(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # Quiet: asyncio streams; writer.write is a buffered non-blocking call.
    data = await reader.read(100)
    writer.write(data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def in_thread(path: str) -> str:
    def work() -> str:
        with open(path) as fh:
            return fh.read()

    return await asyncio.to_thread(work)
