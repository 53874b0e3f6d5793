# One finding per opened file: the reads and writes (ASYNC232) of a file
# that the coroutine itself opened with a reported open() are named in the
# open's ASYNC230 finding, which fixes them together.
import asyncio
import io
import json


async def load_settings(path):
    with open(path) as f:  # want: ASYNC230 "`open\(\)` and the file's `f\.read\(\)` \(line 11\) block the event loop in async function `load_settings`"
        return f.read()


async def save_report(path, rows):
    out = open(path, "w")  # want: ASYNC230 "`open\(\)` and the file's `out\.write\(\)` \(line 16\) and `out\.close\(\)` \(line 17\) block"
    out.write("\n".join(rows))
    out.close()


async def dump_state(path, state):
    with open(path, "w") as f:  # want: ASYNC230 "and the file's `json\.dump\(\)` \(line 22\) block"
        json.dump(state, f)


async def first_line(path):
    return open(path).readline()  # want: ASYNC230 "`open\(\)` and the file's `\.readline\(\)` block"


# Still reported on their own: a file this coroutine did not open.
class Log:
    def __init__(self, path):
        self.file = open(path, "a")

    async def append(self, line):
        self.file.write(line)  # want: ASYNC232


async def copy_into(src: io.TextIOWrapper, path):
    with open(path, "w") as dst:  # want: ASYNC230 "and the file's `dst\.write\(\)`"
        dst.write(src.read())  # want: ASYNC232 "`src\.read\(\)`"


# A file opened in one coroutine and read in a nested one: two functions,
# two findings.
async def outer(path):
    f = open(path)  # want: ASYNC230 "^`open\(\)` blocks the event loop"

    async def inner():
        return f.read()  # want: ASYNC232

    return await inner()


# Quiet: the open() is not reported (offloaded reads only), so nothing folds.
async def offloaded(path):
    with open(path, "rb") as f:
        return await asyncio.to_thread(f.read)


# One finding and no fix: the read is an argument of the write, which the
# write's fix would still run on the loop.
async def rewrite(path):
    f = open(path, "r+")  # want: ASYNC230 "`open\(\)` and the file's `f\.write\(\)` \(line 64\) and `f\.read\(\)` \(line 64\) block"
    f.write(f.read())


# A read its line silences keeps its own (silenced) ASYNC232 finding: the
# open's message names only the write.
async def copy_config(src_path, dst_path):
    with open(dst_path, "w") as dst:  # want: ASYNC230 "the file's `dst\.write\(\)` \(line 72\) block"
        data = dst.read()  # noqa: ASYNC232
        dst.write(data)


# A library function called by its own name reads and writes the files it
# is handed: copying an upload into a file the coroutine opened is one
# finding too.
async def save_upload(upload, path):
    import shutil

    with open(path, "wb") as buffer:  # want: ASYNC230 "and the file's `shutil\.copyfileobj\(\)` \(line 82\) block"
        shutil.copyfileobj(upload.file, buffer)


# Still on its own: neither file was opened here.
async def copy_streams(src, dst):
    import shutil

    shutil.copyfileobj(src, dst)  # want: ASYNC232


# The module imported under another name is still the function called by
# its own name.
async def save_upload_aliased(upload, path):
    import shutil as sh

    with open(path, "wb") as buffer:  # want: ASYNC230 "and the file's `sh\.copyfileobj\(\)` \(line 98\) block"
        sh.copyfileobj(upload.file, buffer)


# Handed the file by keyword.
async def save_upload_by_keyword(upload, path):
    import shutil

    with open(path, "wb") as buffer:  # want: ASYNC230 "and the file's `shutil\.copyfileobj\(\)` \(line 106\) block"
        shutil.copyfileobj(upload.file, fdst=buffer)
