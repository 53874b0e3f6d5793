import asyncio
import os
import os.path
import pathlib
import shutil
from os.path import exists as path_exists, join
from pathlib import Path
from typing import Optional

MEDIA_ROOT = Path("/srv/media")
CACHE_DIR = os.path.join(os.path.expanduser("~"), ".cache", "app")


class LocalStorage:
    root: Path = MEDIA_ROOT

    def __init__(self, root: Optional[Path] = None) -> None:
        self.root = root or MEDIA_ROOT

    async def exists(self, name: str) -> bool:
        return (self.root / name).exists()  # want: ASYNC240

    async def size(self, name: str) -> int:
        return os.path.getsize(os.path.join(self.root, name))  # want: ASYNC240

    async def save(self, name: str, data: bytes) -> str:
        target = self.root / name
        target.parent.mkdir(parents=True, exist_ok=True)  # want: ASYNC240
        target.write_bytes(data)  # want: ASYNC230
        return str(target)

    async def delete(self, name: str) -> None:
        path = os.path.join(self.root, name)
        if os.path.isdir(path):  # want: ASYNC240
            shutil.rmtree(path)  # want: ASYNC240
        elif path_exists(path):  # want: ASYNC240
            os.remove(path)  # want: ASYNC240

    async def listing(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir())  # want: ASYNC240

    def sync_exists(self, name: str) -> bool:
        # Quiet: sync method.
        return (self.root / name).exists()


async def pure_path_ops(name: str) -> str:
    # Quiet: string manipulation, no file-system access.
    p = Path(name)
    stem, suffix = p.stem, p.suffix
    joined = join(CACHE_DIR, stem + suffix)
    base = os.path.basename(joined)
    d = os.path.dirname(joined)
    ext = os.path.splitext(base)[1]
    return str(p.with_suffix(".bak")) + os.path.join(d, ext) + os.path.normcase(base)


async def in_thread(name: str) -> bool:
    # Quiet: by reference to a worker thread.
    ok = await asyncio.to_thread(os.path.exists, name)
    ok2 = await asyncio.to_thread(pathlib.Path(name).is_file)
    return ok and ok2


async def ensure_cache() -> None:
    os.makedirs(CACHE_DIR, exist_ok=True)  # want: ASYNC240
    if not pathlib.Path(CACHE_DIR).is_dir():  # want: ASYNC240
        raise RuntimeError(CACHE_DIR)


async def walk(root: str) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(root):  # want: ASYNC240
        total += len(files)
        await asyncio.sleep(0)
    return total


def setup():
    if not os.path.exists(CACHE_DIR):
        os.makedirs(CACHE_DIR)


if __name__ == "__main__":
    setup()
