# A wait told not to hang (WNOHANG) returns at once whether or not a child
# has exited: quiet, directly and through a helper (ASL201); a wait without
# it still blocks.
import asyncio
import os
from os import WNOHANG


def reap_zombies():
    try:
        while True:
            if os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) is None:
                return
    except ChildProcessError:
        pass


def reap_one(pid):
    os.waitpid(pid, 0)


async def main(pid):
    os.waitpid(-1, os.WNOHANG)  # quiet
    os.wait3(WNOHANG)  # quiet
    os.waitpid(pid, 0)  # want: ASYNC222
    os.wait()  # want: ASYNC222
    reap_zombies()  # quiet: nothing in it waits
    reap_one(pid)  # want: ASL201
    asyncio.get_running_loop().add_signal_handler(17, reap_zombies)  # quiet: the SIGCHLD handler reaps without waiting
    await asyncio.sleep(0)
