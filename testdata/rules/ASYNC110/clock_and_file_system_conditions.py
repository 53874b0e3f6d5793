# A condition that only the clock or the file system changes is no flag an
# Event could signal: nothing in the program changes it. Time passing is
# waited for with one sleep of the remaining time, a file another process
# writes with a file watcher. A condition that also reads state of the
# program (an attribute, a method of an object) is still a poll.
import asyncio
import datetime
import os.path
import time
from pathlib import Path


async def heartbeat(ws, frequency):
    while True:
        next_beat = datetime.datetime.utcnow() + datetime.timedelta(seconds=frequency)
        while datetime.datetime.utcnow() < next_beat:
            await asyncio.sleep(1)
        await ws.ping()


async def wait_until(deadline):
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)


async def wait_loop_time(timeout):
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        await asyncio.sleep(0.1)


async def wait_for_scheduler_file(scheduler_file):
    while not os.path.exists(scheduler_file):
        await asyncio.sleep(0.01)


async def wait_for_socket_file(path: Path, timeout):
    start = time.time()
    while not path.exists() and time.time() - start < timeout:
        await asyncio.sleep(0.1)


class Client:
    def __init__(self):
        self.deadline = 0.0
        self.connected = False

    async def wait_attribute_deadline(self):
        # Fires: another task may move the deadline; it can signal instead.
        while time.monotonic() < self.deadline:  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_connected_or_timeout(self, timeout):
        # Fires: the flag is the program's own state.
        end = time.monotonic() + timeout
        while not self.connected and time.monotonic() < end:  # want: ASYNC110
            await asyncio.sleep(0.1)


async def wait_for_queue(q):
    # Fires: a method of an object others change.
    start = time.time()
    while q.empty() and time.time() - start < 5:  # want: ASYNC110
        await asyncio.sleep(0.1)


async def wait_for_flag_local():
    done = False

    def finish():
        nonlocal done
        done = True

    asyncio.get_running_loop().call_later(1, finish)
    # Fires: a nested function rebinds the local.
    while not done and time.time() > 0:  # want: ASYNC110
        await asyncio.sleep(0.1)
