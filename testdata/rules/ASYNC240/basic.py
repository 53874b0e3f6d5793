import os
import os.path
from os import path as osp
from pathlib import Path


async def fs(p):
    os.path.exists(p)  # want: ASYNC240 "`os\.path\.exists\(\)` blocks the event loop in async function `fs`"
    osp.isfile(p)  # want: ASYNC240
    Path(p).read_text()  # want: ASYNC230
    q = Path(p)
    q.mkdir()  # want: ASYNC240


# Quiet: pure path manipulation and sync code.
async def pure(p):
    os.path.join(p, "x")
    os.path.basename(p)
    Path(p).name
    Path(p).with_suffix(".txt")


def sync(p):
    return os.path.exists(p)
