import anyio


async def read_frame(stream, timeout=5):  # want: ASYNC109 "wrap the call in `with anyio\.fail_after\(\.\.\.\)` instead"
    data = await stream.receive()
    return data if timeout else None
