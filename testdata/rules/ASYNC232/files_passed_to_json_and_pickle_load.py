import io
import json
import pickle
import sys


async def load(path):
    with open(path) as f:  # want: ASYNC230
        data = json.load(f)  # want: ASYNC232
    with open(path, "rb") as g:  # want: ASYNC230
        obj = pickle.load(g)  # want: ASYNC232
    return data, obj


# Quiet
async def in_memory(text):
    buf = io.StringIO(text)
    data = json.load(buf)
    parsed = json.loads(text)
    return data, parsed


async def open_reported_once(path):
    return json.load(open(path))  # want: ASYNC230


# Quiet: a standard stream is the terminal (or a pipe), as for print().
async def show(api):
    res = await api.get()
    json.dump(res, sys.stdout, indent=2)
    json.dump(res, sys.stderr)
    pickle.dump(res, sys.stdout.buffer)
    json.load(sys.stdin)


# Still reported: a file that merely has a stream-like name.
async def save(res, path):
    with open(path, "w") as stdout:  # want: ASYNC230
        json.dump(res, stdout)  # want: ASYNC232
