import os
import subprocess as sp


async def run():
    sp.run(["make"])  # want: ASYNC221 "`sp\.run\(\)` \(subprocess\.run\) blocks the event loop"
    sp.check_output(["git", "status"])  # want: ASYNC221
    sp.call("true")  # want: ASYNC221
    os.system("ls")  # want: ASYNC221
    os.spawnv(os.P_WAIT, "/bin/ls", ["ls"])  # want: ASYNC221


# Quiet.
def sync_run():
    sp.run(["make"])


async def in_thread():
    import asyncio

    await asyncio.to_thread(sp.run, ["make"])
