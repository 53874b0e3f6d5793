import io
import json
import pickle


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
