# A file whose reads and writes all run in a worker thread: the coroutine
# only opens it and hands its methods (or the file) to an offload call.
# Opening waits for no data; the I/O is offloaded (jupyter-server's
# contents manager, `await run_sync(f.read)`). Any other use of the file in
# the coroutine keeps the open() reported.
import asyncio
import json

from anyio.to_thread import run_sync


async def read_file(path):
    with open(path, "rb") as f:  # quiet: the read is offloaded
        return await run_sync(f.read)


async def append(path, data):
    with open(path, "ab") as f:  # quiet
        await run_sync(f.write, data)


async def load(path):
    loop = asyncio.get_running_loop()
    f = open(path)  # quiet: handed to the executor
    return await loop.run_in_executor(None, json.load, f)


async def load_to_thread(path):
    with open(path) as f:  # quiet
        return await asyncio.to_thread(json.load, f)


async def read_header_then_offload(path):
    with open(path, "rb") as f:  # want: ASYNC230
        magic = f.read(4)  # named in the open's finding
        rest = await run_sync(f.read)
    return magic, rest


async def close_on_loop(path, data):
    f = open(path, "w")  # want: ASYNC230
    await asyncio.to_thread(f.write, data)
    f.close()  # named in the open's finding


async def handed_to_a_coroutine(path, client):
    with open(path, "rb") as f:  # want: ASYNC230
        await client.upload(f)


async def called_in_a_lambda(path):
    with open(path) as f:  # want: ASYNC230
        return await asyncio.to_thread(lambda: f.read())
