# config: ignore = ["ASYNC230"]  # ASYNC232 alone; with ASYNC230 on, the calls on a file the coroutine opens are folded into the open's finding (testdata/rules/ASYNC230/file_work_one_finding.py)
import io
import json
import pickle
import sys


async def load(path):
    with open(path) as f:
        data = json.load(f)  # want: ASYNC232
    with open(path, "rb") as g:
        obj = pickle.load(g)  # want: ASYNC232
    return data, obj


# Quiet
async def in_memory(text):
    buf = io.StringIO(text)
    data = json.load(buf)
    parsed = json.loads(text)
    return data, parsed


async def open_reported_once(path):
    return json.load(open(path))


# Quiet: a standard stream is the terminal (or a pipe), as for print().
async def show(api):
    res = await api.get()
    json.dump(res, sys.stdout, indent=2)
    json.dump(res, sys.stderr)
    pickle.dump(res, sys.stdout.buffer)
    json.load(sys.stdin)


# Still reported: a file that merely has a stream-like name.
async def save(res, path):
    with open(path, "w") as stdout:
        json.dump(res, stdout)  # want: ASYNC232
