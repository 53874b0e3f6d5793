import io
import json

import pandas as pd


# A file opened in the coroutine and handed by keyword to a call that writes
# it is folded into the open()'s finding, as when it is passed positionally.
async def save(path, obj):
    with open(path, "w") as f:  # want: ASYNC230 "`open\(\)` and the file's `json\.dump\(\)` \(line 11\) block the event loop"
        json.dump(obj, fp=f)


async def export(path, frame: pd.DataFrame):
    with open(path, "wb") as out:  # want: ASYNC230 "`open\(\)` and the file's `frame\.to_parquet\(\)` \(line 16\) block"
        frame.to_parquet(path=out)


# Quiet: the keyword names an in-memory buffer, and nothing is opened.
async def to_memory(obj, frame: pd.DataFrame):
    buf = io.StringIO()
    json.dump(obj, fp=buf)
    frame.to_csv(path_or_buf=buf)
    return buf.getvalue()
