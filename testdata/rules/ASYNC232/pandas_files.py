import asyncio
import io

import pandas
import pandas as pd


# pandas' readers open the path they are given; DataFrame writers write it.
async def load(uri: str):
    df = pandas.read_csv(uri)  # want: ASYNC232 "`pandas\.read_csv\(\)` blocks the event loop"
    sheet = pd.read_excel(uri)  # want: ASYNC232
    df.to_csv(uri + ".out", index=False)  # want: ASYNC232
    return df, sheet


# Quiet: in-memory buffers, a writer with no path (returns a string),
# offloaded reads and synchronous code.
async def from_memory(data: bytes):
    buf = io.BytesIO(data)
    df = pd.read_csv(buf)
    other = pd.read_csv(io.StringIO("a,b\n1,2"))
    text = df.to_csv(index=False)
    return other, text


async def offloaded(uri: str):
    return await asyncio.to_thread(pandas.read_csv, uri)


def sync_load(uri: str):
    return pandas.read_csv(uri)
