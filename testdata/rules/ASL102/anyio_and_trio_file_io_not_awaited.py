# anyio's and trio's asynchronous file I/O (anyio/_core/_fileio.py,
# trio/_path.py and trio/_file_io.py): Path's filesystem methods, open_file
# and the file wrappers' reads and writes are coroutines; a call without
# await reads or writes nothing. Quiet: awaited, the pure path methods,
# pathlib's own Path, and iterators that are not coroutines.
import pathlib

import anyio
import trio


async def load_config(name):
    path = anyio.Path("/etc/app") / name
    config = anyio.Path("/etc/app").joinpath(name)
    text = config.read_text()  # want: ASL102
    return text.splitlines(), path


async def save(data: bytes):
    target = anyio.Path("out.bin")
    target.write_bytes(data)  # want: ASL102
    if not target.parent.exists():  # want: ASL102
        return None
    return target


async def copy(src, dst):
    async with await anyio.open_file(src, "rb") as f:
        data = f.read()  # want: ASL102
    out = await anyio.open_file(dst, "wb")
    out.write(data)  # want: ASL102
    await out.aclose()


async def trio_log(line):
    log = trio.Path("app.log")
    log.touch()  # want: ASL102
    f = await trio.open_file("app.log", "a")
    f.write(line)  # want: ASL102
    await f.aclose()
    names = trio.Path("/tmp").iterdir()  # want: ASL102
    return names


# Quiet.
async def load_config_awaited(name):
    config = anyio.Path("/etc/app").joinpath(name).with_suffix(".toml")
    if await config.exists():
        return await config.read_text()
    async for child in anyio.Path("/etc/app").iterdir():
        print(child.name)
    return None


async def trio_awaited():
    for child in await trio.Path("/tmp").iterdir():
        print(child)
    async with await trio.open_file("app.log") as f:
        return await f.read()


def sync_path(name):
    return pathlib.Path(name).read_text()
