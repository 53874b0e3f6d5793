# A local set to None before the open() (so that a `finally:` or a retry
# loop can test it) still holds only the file that one open() made: its
# reads and writes are folded into the open's finding, as for a name
# assigned once (asyncssh's x11.py update_xauth: `new_file = None`, then
# `new_file = open(path, 'xb')` in a retry loop, then writes and close).
import asyncio


async def write_lock_file(path, entries):
    new_file = None
    for _ in range(3):
        try:
            new_file = open(path, "xb")  # want: ASYNC230 "`open\(\)` and the file's `new_file\.write\(\)` \(line 20\), `new_file\.write\(\)` \(line 22\) and `new_file\.close\(\)` \(line 23\) block"
        except FileExistsError:
            await asyncio.sleep(0.1)
        else:
            break
    if not new_file:
        raise ValueError("no lock")
    new_file.write(b"header")
    for entry in entries:
        new_file.write(entry)
    new_file.close()


async def read_with_cleanup(path):
    f = None
    try:
        f = open(path)  # want: ASYNC230 "`open\(\)` and the file's `f\.read\(\)` \(line 30\) block"
        return f.read()
    finally:
        if f is not None:
            f.close()  # quiet: a file opened only for reading has nothing to flush


# Still reported on their own: two different files under one name are not
# one opened file.
async def two_files(a, b):
    f = open(a)  # want: ASYNC230 "^`open\(\)` blocks the event loop"
    f = open(b)  # want: ASYNC230 "^`open\(\)` blocks the event loop"
    return f.read()  # want: ASYNC232
