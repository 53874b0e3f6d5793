# A loop variable over an annotated container of paths is a path: reading
# each file blocks the event loop.
from pathlib import Path
from typing import Dict


async def read_all(paths: list[Path], by_name: Dict[str, Path], names: list[str]):
    for p in paths:
        p.read_text()  # want: ASYNC230
    for name, p in by_name.items():
        p.read_bytes()  # want: ASYNC230
    # Quiet: the elements are strings.
    for n in names:
        n.strip()
    # Quiet: the keys of the mapping are strings.
    for k in by_name:
        k.strip()
