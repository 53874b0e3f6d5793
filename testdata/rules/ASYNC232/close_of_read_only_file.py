import asyncio


# Quiet: closing a file opened only for reading has nothing to flush.
async def load_banner(path):
    f = open(path)  # want: ASYNC230
    try:
        return f.read()  # want: ASYNC232
    finally:
        f.close()


async def load_key(path):
    f = open(path, "rb")  # want: ASYNC230
    data = f.read()  # want: ASYNC232
    f.close()
    return data


# Fires: closing a file opened for writing flushes its buffer to disk.
async def save_report(path, text):
    f = open(path, mode="w")  # want: ASYNC230
    f.write(text)  # want: ASYNC232
    f.close()  # want: ASYNC232


async def append_log(path, line):
    f = open(path, "a+")  # want: ASYNC230
    f.write(line)  # want: ASYNC232
    f.close()  # want: ASYNC232
    await asyncio.sleep(0)
