import trio


async def wait_ready(state):
    while not state.ready:  # want: ASYNC110 "set a `trio\.Event` and `await event\.wait\(\)`"
        await trio.sleep(0.1)
