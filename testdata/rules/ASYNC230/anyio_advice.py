import anyio


async def load(path):
    await anyio.sleep(0)
    with open(path) as f:  # want: ASYNC230 "`await anyio\.to_thread\.run_sync\(\.\.\.\)` for the file work, or an async file library such as anyio\.open_file"
        return f.read()
