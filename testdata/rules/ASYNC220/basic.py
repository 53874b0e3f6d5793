import os
import subprocess
from subprocess import Popen


async def spawn():
    subprocess.Popen(["ls"])  # want: ASYNC220 "`subprocess\.Popen\(\)` blocks the event loop in async function `spawn`; use `await asyncio\.create_subprocess_exec"
    Popen(["ls"])  # want: ASYNC220
    os.popen("ls")  # want: ASYNC220
    os.spawnl(os.P_NOWAIT, "/bin/ls", "ls")  # want: ASYNC220


# Quiet.
def sync_spawn():
    subprocess.Popen(["ls"])


async def asyncio_spawn():
    import asyncio

    await asyncio.create_subprocess_exec("ls")
