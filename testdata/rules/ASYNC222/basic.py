import os


async def reap(pid):
    os.waitpid(pid, 0)  # want: ASYNC222 "`os\.waitpid\(\)` blocks the event loop.*subprocess's `wait\(\)`"
    os.wait()  # want: ASYNC222


# Quiet.
def sync_reap(pid):
    os.waitpid(pid, 0)
