# A loop (or comprehension) variable takes its element type from what a
# function of the project returns: its return annotation (`-> list[Path]`,
# `-> Iterator[Path]`, `-> dict[str, Path]` through items/values), or the
# element every return agrees on; also through an awaited offload call.
import asyncio
from pathlib import Path
from typing import Iterator


def list_files(root: Path) -> list[Path]:
    return sorted(root.iterdir())


def walk(root: Path) -> Iterator[Path]:
    yield from root.iterdir()


def by_name(root: Path) -> dict[str, Path]:
    return {p.name: p for p in root.iterdir()}


def unannotated(root: Path):
    return [root / "a", root / "b"]


def names(root: Path) -> list[str]:
    return [p.name for p in root.iterdir()]


async def read_listed(root: Path):
    for p in list_files(root):
        p.read_text()  # want: ASYNC230 "`p\.read_text\(\)` \(pathlib\.Path\.read_text\) blocks"
    for p in walk(root):
        p.read_bytes()  # want: ASYNC230
    for name, p in by_name(root).items():
        p.read_text()  # want: ASYNC230
    files = by_name(root)
    for p in files.values():
        p.read_text()  # want: ASYNC230
    for p in unannotated(root):
        p.read_text()  # want: ASYNC230
    return [p.read_text() for p in list_files(root)]  # want: ASYNC230


async def read_offloaded_listing(root: Path):
    listed = await asyncio.to_thread(list_files, root)
    for p in listed:
        p.read_text()  # want: ASYNC230


# Quiet: the file work in a thread, strings rather than paths, and sync code.
async def quiet(root: Path):
    for p in await asyncio.to_thread(list_files, root):
        await asyncio.to_thread(p.read_text)
    for n in names(root):
        n.upper()
    for name in by_name(root):
        name.upper()


def sync_reader(root: Path):
    for p in list_files(root):
        p.read_text()
