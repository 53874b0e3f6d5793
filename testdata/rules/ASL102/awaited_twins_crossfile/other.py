# Another module's uses of the same library callees: `status` from
# synchronous code, `push` in a coroutine that never awaits it. Either says
# the callee is not (only) a coroutine function, wherever the call is checked
# from (`check app.py` asks the project's index, as `check .` does).
from sdk import Remote


def status_now(remote: Remote):
    return remote.status()


async def push_now(remote: Remote, key):
    receipt = remote.push(key)
    return receipt.id
