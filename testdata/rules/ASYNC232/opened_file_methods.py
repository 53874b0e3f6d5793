# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import json
import os


async def save_report(path, rows):
    with open(path, "w") as f:
        f.write("header\n")  # want: ASYNC232
        for row in rows:
            f.write(",".join(row) + "\n")  # want: ASYNC232
    fd = os.open(path, os.O_RDONLY)
    with os.fdopen(fd) as g:  # want: ASYNC231
        return g.readlines()  # want: ASYNC232


async def load(path):
    f = open(path)
    try:
        return f.read()  # want: ASYNC232
    finally:
        f.close()  # quiet: opened for reading only, nothing to flush
