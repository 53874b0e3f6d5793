# A name assigned a Path and, on some path, a value derived from itself
# (`filepath = gzip_path` where `gzip_path = filepath.with_name(...)`,
# `path = path.parent`) still holds a Path: every value agrees once the
# name is taken to hold one (aiohttp's FileResponse.prepare, 3.0).
import asyncio
import pathlib


class FileResponse:
    def __init__(self, path, chunk_size=256 * 1024):
        if isinstance(path, str):
            path = pathlib.Path(path)
        self._path = path
        self._chunk_size = chunk_size

    async def prepare(self, request):
        filepath = self._path
        gzip = False
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            gzip_path = filepath.with_name(filepath.name + ".gz")
            filepath = gzip_path
            gzip = True
        with filepath.open("rb") as fobj:  # want: ASYNC230 "`filepath\.open\(\)` \(pathlib\.Path\.open\)"
            return gzip, fobj.read(self._chunk_size)


async def parent_config(start: pathlib.Path):
    here = start
    while not here.name.endswith(".d"):
        here = here.parent
    with here.joinpath("app.cfg").open() as f:  # want: ASYNC230
        return f.read()


async def directly_reassigned(path: pathlib.Path, compressed: bool):
    target = path
    if compressed:
        target = target.with_suffix(".gz")
    target.write_bytes(b"")  # want: ASYNC230


# Quiet: a value that changes the type (the name, a str, not the path:
# what `value` holds is not known), and the same file work offloaded.
async def type_changes(path: pathlib.Path, short: bool):
    value = path
    if short:
        value = value.name
    with value.open("rb") as f:
        return f.read()


async def offloaded(request, base: pathlib.Path):
    filepath = base
    if request:
        filepath = filepath.with_name(filepath.name + ".gz")
    return await asyncio.to_thread(filepath.read_bytes)
