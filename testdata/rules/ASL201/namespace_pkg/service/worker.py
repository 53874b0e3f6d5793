import asyncio

from service.util.files import archive, label
from service.util import files as F


async def nightly(src: str) -> str:
    path = archive(src, "/tmp/backup")  # want: ASL201
    return label(path)


async def nightly_aliased(src: str) -> str:
    return F.archive(src, "/tmp/backup2")  # want: ASL201


async def nightly_ok(src: str) -> str:
    return await asyncio.to_thread(archive, src, "/tmp/backup3")
