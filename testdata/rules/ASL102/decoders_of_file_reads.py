# A decoder takes the bytes or text of a read; an aiofiles read not awaited
# hands it a coroutine object instead.
import json
import marshal
import pickle
import tomllib

import aiofiles
import msgpack


async def read_pickle(path):
    async with aiofiles.open(path, "rb") as f:
        return pickle.loads(f.read())  # want: ASL102 "it is passed to `pickle.loads\(\)`, which reads it as data"


async def read_msgpack(path):
    async with aiofiles.open(path, "rb") as f:
        return msgpack.unpackb(f.read())  # want: ASL102 "`msgpack.unpackb\(\)`, which reads it as data"


async def read_marshal(path):
    async with aiofiles.open(path, "rb") as f:
        return marshal.loads(f.read())  # want: ASL102 "`marshal.loads\(\)`"


async def read_toml(path):
    async with aiofiles.open(path) as f:
        return tomllib.loads(f.read())  # want: ASL102 "`tomllib.loads\(\)`"


async def write_msgpack(path, make):
    async with aiofiles.open(path, "wb") as f:
        await f.write(msgpack.packb(make()))


# Quiet: the read is awaited, or the file is a synchronous one.
async def read_pickle_awaited(path):
    async with aiofiles.open(path, "rb") as f:
        return pickle.loads(await f.read())


async def read_msgpack_awaited(path):
    async with aiofiles.open(path, "rb") as f:
        data = await f.read()
    return msgpack.unpackb(data)


def read_sync(path):
    with open(path, "rb") as f:
        return pickle.loads(f.read()), marshal.loads(f.read()), json.loads(f.read())
