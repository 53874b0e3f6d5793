# A method reached through a class-body alias chosen at import time
# (aiohttp 3.0's FileResponse: `_sendfile = _sendfile_system` or
# `_sendfile_fallback`) is called with the alias's arguments: the file
# object `prepare` opened is what `_sendfile_fallback` reads, in the loop.
import os
import pathlib

NOSENDFILE = bool(os.environ.get("AIOHTTP_NOSENDFILE"))


class FileResponse:
    def __init__(self, path: pathlib.Path, chunk_size=256 * 1024):
        self._path = path
        self._chunk_size = chunk_size

    async def _sendfile_system(self, request, fobj, count):
        if request.transport is None:
            return await self._sendfile_fallback(request, fobj, count)
        return os.sendfile(request.fd, fobj.fileno(), 0, count)

    async def _sendfile_fallback(self, request, fobj, count):
        chunk = fobj.read(self._chunk_size)  # want: ASYNC232 "`fobj\.read\(\)` \(io\.TextIOWrapper\.read\)"
        while chunk:
            await request.write(chunk)
            chunk = fobj.read(self._chunk_size)  # want: ASYNC232
        return count

    if hasattr(os, "sendfile") and not NOSENDFILE:
        _sendfile = _sendfile_system
    else:
        _sendfile = _sendfile_fallback

    async def prepare(self, request):
        with self._path.open("rb") as fobj:  # want: ASYNC230
            return await self._sendfile(request, fobj, 10)


# Quiet: an alias also handed out as a callback may be called with anything
# by whoever receives it, so its methods' parameters stay untyped.
class Streamer:
    def __init__(self, path: pathlib.Path, register):
        self._path = path
        register(self._send)

    async def _send_plain(self, request, fobj):
        return fobj.read()

    _send = _send_plain

    async def prepare(self, request):
        with self._path.open("rb") as fobj:  # want: ASYNC230
            return await self._send(request, fobj)
