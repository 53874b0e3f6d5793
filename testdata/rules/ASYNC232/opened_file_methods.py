import json
import os


async def save_report(path, rows):
    with open(path, "w") as f:  # want: ASYNC230
        f.write("header\n")  # want: ASYNC232
        for row in rows:
            f.write(",".join(row) + "\n")  # want: ASYNC232
    fd = os.open(path, os.O_RDONLY)
    with os.fdopen(fd) as g:  # want: ASYNC231
        return g.readlines()  # want: ASYNC232


async def load(path):
    f = open(path)  # want: ASYNC230
    try:
        return f.read()  # want: ASYNC232
    finally:
        f.close()  # quiet: opened for reading only, nothing to flush
