# upstream: tests/eval_files/async23x_asyncio.py @ 8b1a1cf91b09d8c34dbfb2e954eafcc727d288e2
# codes: ASYNC230 ASYNC231
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio
import io
import os


async def files(other):
    open("data")  # want: ASYNC230
    io.open_code("data")  # want: ASYNC230
    os.fdopen(0)  # want: ASYNC231

    # an awaited call is not the builtin
    await open("data")

    # asyncio has no wrap_file: no protection from it
    await asyncio.wrap_file(open("data"))  # want: ASYNC230
    await asyncio.wrap_file(os.fdopen(0))  # want: ASYNC231

    with os.fdopen(0):  # want: ASYNC231
        pass
    with open("data"):  # want: ASYNC230
        pass
    with open("data") as handle:  # want: ASYNC230
        pass
    with other(), open("data"):  # want: ASYNC230
        pass
    async with open("data"):  # want: ASYNC230
        pass
    async with asyncio.wrap_file(open("data")):  # want: ASYNC230
        pass


def sync_files():
    open("data")
