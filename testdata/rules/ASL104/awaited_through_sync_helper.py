# A synchronous helper that hands back a library coroutine, awaited by its
# caller: the awaited value is what awaiting that coroutine gives (zehome/aping's
# Prober.get_process returns asyncio.create_subprocess_exec(...)).
import asyncio
import os


def start_fping(hosts):
    return asyncio.create_subprocess_exec("fping", "--loop", *hosts, stderr=asyncio.subprocess.PIPE)


class Prober:
    def get_process(self):
        cmd = ["fping", "--loop"]
        return asyncio.create_subprocess_exec(*cmd, stderr=asyncio.subprocess.PIPE)

    async def run(self, stop):
        process = await self.get_process()
        stop_task = asyncio.ensure_future(stop.wait())
        line = asyncio.ensure_future(process.stderr.readline())
        await asyncio.wait([line, stop_task, process.wait()], return_when=asyncio.FIRST_COMPLETED)  # want: ASL104
        return line, stop_task


async def module_helper(stop):
    process = await start_fping(["10.0.0.1"])
    await asyncio.wait([asyncio.ensure_future(stop.wait()), process.wait()], timeout=5)  # want: ASL104


# Quiet: the helper may fall off its end (None is not awaitable), gives
# different things on its paths, or the caller wraps the wait in a task.
def maybe_process(hosts):
    if hosts:
        return asyncio.create_subprocess_exec("fping", *hosts)


def process_or_connection(host):
    if os.environ.get("PROBE") == "tcp":
        return asyncio.open_connection(host, 80)
    return asyncio.create_subprocess_exec("fping", host)


async def quiet(stop):
    process = await maybe_process(["10.0.0.1"])
    await asyncio.wait([asyncio.ensure_future(stop.wait()), process.wait()], timeout=5)
    other = await process_or_connection("10.0.0.1")
    await asyncio.wait([asyncio.ensure_future(stop.wait()), other.wait()], timeout=5)
    process = await start_fping(["10.0.0.1"])
    await asyncio.wait([asyncio.ensure_future(stop.wait()), asyncio.create_task(process.wait())], timeout=5)
