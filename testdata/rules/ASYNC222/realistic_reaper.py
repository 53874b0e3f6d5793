import asyncio
import os
from os import waitpid, WNOHANG


async def reap(pid: int) -> int:
    _, status = os.waitpid(pid, 0)  # want: ASYNC222
    return os.waitstatus_to_exitcode(status)


async def reap_any() -> None:
    while True:
        try:
            pid, status = os.wait()  # want: ASYNC222
        except ChildProcessError:
            break
        print(pid, status)
        await asyncio.sleep(0)


async def reap_aliased(pid: int) -> None:
    waitpid(pid, 0)  # want: ASYNC222
    waitpid(pid, WNOHANG)  # quiet: told not to hang, it returns at once (no_hang.py)


async def good(pid: int) -> int:
    loop = asyncio.get_running_loop()
    _, status = await loop.run_in_executor(None, os.waitpid, pid, 0)
    return status


def sync_reap(pid):
    return os.waitpid(pid, 0)
