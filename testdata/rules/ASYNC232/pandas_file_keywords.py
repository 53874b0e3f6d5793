import asyncio
import io
import json

import pandas as pd


# The file argument given by keyword is read or written like a positional
# one (storey's ParquetTarget: `df.to_parquet(path=file)` on a file its
# fsspec file system opened, on the flow's event loop).
class ParquetSink:
    async def emit(self, batch, file_path):
        df = pd.DataFrame(batch)
        with self._file_system.open(file_path, "wb") as file:
            df.to_parquet(path=file, index=False)  # want: ASYNC232 "`df\.to_parquet\(\)` \(pandas\.DataFrame\.to_parquet\) blocks the event loop"


async def keyword_paths(uri: str, result: dict, out):
    df = pd.read_csv(filepath_or_buffer=uri)  # want: ASYNC232
    df.to_csv(path_or_buf=uri + ".out", index=False)  # want: ASYNC232
    json.dump(result, fp=out)  # want: ASYNC232
    return df


# Quiet: the keyword names an in-memory buffer, a keyword that is not the
# file (the writer returns a string), the body moved to a synchronous
# method handed to a thread (the storey fix), and synchronous code.
async def keyword_buffers(text: str, result: dict):
    df = pd.read_csv(filepath_or_buffer=io.StringIO(text))
    buf = io.BytesIO()
    df.to_parquet(path=buf, index=False)
    json.dump(result, fp=io.StringIO())
    return df.to_json(orient="records"), buf.getvalue()


class OffloadedSink:
    async def emit(self, batch, file_path):
        await asyncio.get_running_loop().run_in_executor(None, self._blocking_emit, batch, file_path)

    def _blocking_emit(self, batch, file_path):
        df = pd.DataFrame(batch)
        with self._file_system.open(file_path, "wb") as file:
            df.to_parquet(path=file, index=False)


def sync_write(df, uri: str):
    df.to_parquet(path=uri)
