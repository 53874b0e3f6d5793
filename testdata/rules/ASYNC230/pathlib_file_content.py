import asyncio
import json
from pathlib import Path

CONFIG = Path.home() / ".app" / "config.json"


# Path's content methods open the file and read or write all of it.
async def load_config():
    if not CONFIG.exists():  # ASYNC240 (metadata call, off by default)
        return {}
    return json.loads(CONFIG.read_text(encoding="utf-8"))  # want: ASYNC230 "`CONFIG\.read_text\(\)` \(pathlib\.Path\.read_text\) blocks"


async def save(path: Path, data: bytes):
    path.write_bytes(data)  # want: ASYNC230
    Path(str(path) + ".txt").write_text("done")  # want: ASYNC230
    return path.read_bytes()  # want: ASYNC230


# Quiet: offloaded, synchronous code, and pure path manipulation.
async def offloaded():
    text = await asyncio.to_thread(CONFIG.read_text, encoding="utf-8")
    return json.loads(text)


def sync_load():
    return json.loads(CONFIG.read_text())


async def names(path: Path):
    return path.name, path.with_suffix(".bak"), CONFIG.parent / "other.json"
