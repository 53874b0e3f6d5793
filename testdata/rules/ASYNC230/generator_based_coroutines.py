# A file opened in a generator-based coroutine (`@asyncio.coroutine`)
# blocks the event loop as in an async def; the message names the kind of
# coroutine, and the advice waits with `yield from` (`await` is a syntax
# error there).
import asyncio


@asyncio.coroutine
def save_snapshot(path, data):
    with open(path, "w") as f:  # want: ASYNC230 "and the file's `f\.write\(\)` \(line 11\) block the event loop in generator-based coroutine `save_snapshot`; .*yield from"
        f.write(data)
    yield from asyncio.sleep(0)


def save_snapshot_sync(path, data):
    # Quiet: a plain function runs in whatever thread calls it.
    with open(path, "w") as f:
        f.write(data)
