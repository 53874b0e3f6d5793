# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import asyncio


# Quiet: closing a file opened only for reading has nothing to flush.
async def load_banner(path):
    f = open(path)
    try:
        return f.read()  # want: ASYNC232
    finally:
        f.close()


async def load_key(path):
    f = open(path, "rb")
    data = f.read()  # want: ASYNC232
    f.close()
    return data


# Fires: closing a file opened for writing flushes its buffer to disk.
async def save_report(path, text):
    f = open(path, mode="w")
    f.write(text)  # want: ASYNC232
    f.close()  # want: ASYNC232


async def append_log(path, line):
    f = open(path, "a+")
    f.write(line)  # want: ASYNC232
    f.close()  # want: ASYNC232
    await asyncio.sleep(0)
