# Raising SystemExit or KeyboardInterrupt in a handler of the cancellation
# ends the process: asyncio's loop lets them through to run()'s caller, as
# with sys.exit(), so nothing waiting on the task sees another exception
# instead (lava-dispatcher's worker: on its signal-driven cancellation it
# waits for the running jobs, then `raise SystemExit(1)`).
import asyncio


async def main(group, jobs):
    try:
        await group
    except asyncio.CancelledError:
        await jobs.wait()
        raise SystemExit(1)  # quiet: the process ends


async def interrupt(group):
    try:
        await group
    except asyncio.CancelledError:
        raise KeyboardInterrupt  # quiet


async def other(group):
    try:
        await group
    except asyncio.CancelledError:
        raise RuntimeError("stopped")  # want: ASYNC104


async def shadowed(group):
    SystemExit = RuntimeError
    try:
        await group
    except asyncio.CancelledError:
        raise SystemExit(1)  # want: ASYNC104
