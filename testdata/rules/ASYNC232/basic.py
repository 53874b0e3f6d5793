# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import io
import typing


async def methods(path, f: io.TextIOWrapper, g: typing.IO):
    fh = open(path)
    fh.read()  # want: ASYNC232 "`fh\.read\(\)` \(io\.TextIOWrapper\.read\) blocks the event loop"
    f.write("x")  # want: ASYNC232
    g.readline()  # want: ASYNC232


# Quiet: unknown receivers, async files, sync code.
async def unknown(reader, stream):
    await reader.read()
    stream.write(b"x")


def sync(path):
    fh = open(path)
    return fh.read()
