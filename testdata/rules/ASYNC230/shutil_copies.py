import shutil


# shutil's copies and archives open files and read and write all of them:
# file I/O like open(), reported by default.
async def backup(path: str) -> str:
    shutil.copy2(path, path + ".bak")  # want: ASYNC230 "`shutil.copy2\(\)` blocks the event loop"
    return path + ".bak"


async def publish(src: str, dst: str) -> None:
    shutil.copytree(src, dst)  # want: ASYNC230 "`shutil.copytree\(\)` blocks the event loop"
    shutil.copyfile(src + "/index.html", dst + "/latest.html")  # want: ASYNC230 "`shutil.copyfile\(\)` blocks the event loop"


async def export(root: str) -> str:
    return shutil.make_archive("/tmp/export", "zip", root)  # want: ASYNC230 "`shutil.make_archive\(\)` blocks the event loop"


# Quiet: offloaded to a thread, or the file-system metadata calls
# (rmtree, move, disk_usage: ASYNC240, off by default).
async def backup_offloaded(path: str) -> None:
    import asyncio

    await asyncio.to_thread(shutil.copy2, path, path + ".bak")


async def clean(path: str) -> None:
    shutil.rmtree(path)
    shutil.move(path + ".new", path)
