import anyio


async def wait_ready(state):
    while not state.ready:  # want: ASYNC110 "set an `anyio\.Event`"
        await anyio.sleep(0.1)
