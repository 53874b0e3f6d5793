import os
import os.path
from pathlib import Path

BASE = Path(__file__).parent


async def build_path(name):
    full = os.path.join(BASE, name)
    base = os.path.basename(full)
    ext = os.path.splitext(base)[1]
    if os.path.isfile(full):  # want: ASYNC240
        return full, ext
    p = Path(full)
    if p.exists():  # want: ASYNC240
        return p.name, p.suffix
    return BASE / name, p.with_suffix(".txt")
