import asyncio
import os
import shlex
import subprocess
import subprocess as sp
from subprocess import PIPE, Popen


class Deployer:
    def __init__(self, repo: str) -> None:
        self.repo = repo
        self.proc: "subprocess.Popen | None" = None

    async def start_server(self, port: int) -> None:
        self.proc = subprocess.Popen(["python", "-m", "http.server", str(port)], cwd=self.repo)  # want: ASYNC220

    async def tail_log(self) -> str:
        p = Popen(["tail", "-n", "50", "app.log"], stdout=PIPE)  # want: ASYNC220
        return p.stdout.read().decode()

    async def git_rev(self) -> str:
        with sp.Popen(shlex.split("git rev-parse HEAD"), stdout=sp.PIPE, cwd=self.repo) as proc:  # want: ASYNC220
            return proc.communicate()[0].decode().strip()

    async def disk_usage(self) -> str:
        return os.popen("du -sh " + self.repo).read()  # want: ASYNC220

    async def good(self) -> str:
        proc = await asyncio.create_subprocess_exec("git", "status", stdout=asyncio.subprocess.PIPE, cwd=self.repo)
        out, _ = await proc.communicate()
        return out.decode()

    def sync_start(self) -> None:
        # Quiet: sync method.
        self.proc = subprocess.Popen(["sleep", "1"])


async def run_in_thread() -> None:
    # Quiet: the Popen runs in a worker thread.
    await asyncio.to_thread(subprocess.Popen, ["true"])
    await asyncio.get_running_loop().run_in_executor(None, lambda: Popen(["true"]).wait())
