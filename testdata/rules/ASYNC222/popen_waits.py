# A subprocess.Popen's own wait() and communicate() block until the child
# exits. Reported where the process was started elsewhere (an attribute set
# in __init__ or by a spawning helper, a parameter, a function's return
# type), as SciStudio's LocalRunner waited for each workflow block with
# `handle._popen.communicate()`. A wait on a process this coroutine starts
# with a Popen that ASYNC220 reports is left to that finding (one finding
# per started process).
from __future__ import annotations

import asyncio
import subprocess


class ProcessHandle:
    def __init__(self) -> None:
        self._popen: subprocess.Popen[bytes] | None = None
        self._stdin_payload: bytes | None = None


def spawn_block_process(args: list[str]) -> ProcessHandle:
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    handle = ProcessHandle()
    handle._popen = proc
    return handle


class Runner:
    def __init__(self) -> None:
        self.proc = subprocess.Popen(["worker"])

    async def run(self, args):
        handle = spawn_block_process(args)  # want: ASL201 "spawn_block_process"
        popen = handle._popen
        if popen is None:
            return None
        stdout, stderr = popen.communicate(handle._stdin_payload)  # want: ASYNC222 "`popen\.communicate\(\)` \(subprocess\.Popen\.communicate\) blocks the event loop.*create_subprocess_exec"
        return stdout

    async def stop(self):
        self.proc.terminate()
        self.proc.wait()  # want: ASYNC222 "subprocess\.Popen\.wait"


async def wait_for(proc: subprocess.Popen) -> int:
    return proc.wait()  # want: ASYNC222


async def started_here(args):
    p = subprocess.Popen(args)  # want: ASYNC220
    p.communicate()  # quiet: ASYNC220's finding above covers the process it starts
    with subprocess.Popen(args) as q:  # want: ASYNC220
        q.wait()  # quiet: the same
    subprocess.Popen(args).communicate()  # want: ASYNC220


# Quiet: offloaded, polled, or not in a coroutine.
async def offloaded(handle: ProcessHandle):
    popen = handle._popen
    stdout, _ = await asyncio.to_thread(popen.communicate, handle._stdin_payload)
    return stdout


async def polled(proc: subprocess.Popen) -> int | None:
    return proc.poll()


def sync_wait(proc: subprocess.Popen) -> int:
    return proc.wait()


class Provisioner:
    def __init__(self, proc: subprocess.Popen) -> None:
        self.process = proc

    async def poll(self):
        return self.process.poll()

    async def wait(self):
        # Quiet: polled until the child exited; the wait only reaps it.
        while await self.poll() is None:
            await asyncio.sleep(0.1)
        return self.process.wait()

    async def wait_polling_the_process(self):
        while self.process.poll() is None:
            await asyncio.sleep(0.1)
        self.process.communicate()  # quiet: the same

    async def wait_after_a_loop_that_may_break(self, deadline):
        while self.process.poll() is None:
            if deadline():
                break
            await asyncio.sleep(0.1)
        return self.process.wait()  # want: ASYNC222
