# trio's and anyio's deadlines are plain context managers: `with`, not `async with`.
import trio


async def read_frame(stream, timeout=5):  # want: ASYNC109 "wrap the call in `with trio\.fail_after\(\.\.\.\)` instead"
    data = await stream.receive_some()
    return data if timeout else None
