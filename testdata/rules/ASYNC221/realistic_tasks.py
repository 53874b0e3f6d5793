import asyncio
import os
import subprocess
from subprocess import check_output as co, run

BUILD_CMD = ["make", "-j4"]


async def build(project_dir: str) -> int:
    result = subprocess.run(BUILD_CMD, cwd=project_dir, capture_output=True)  # want: ASYNC221
    return result.returncode


async def version() -> str:
    return co(["git", "describe", "--tags"]).decode().strip()  # want: ASYNC221


async def lint(paths: list[str]) -> bool:
    return run(["ruff", "check", *paths]).returncode == 0  # want: ASYNC221


async def notify(msg: str) -> None:
    if os.system(f"notify-send {msg!r}") != 0:  # want: ASYNC221
        print("notify failed")


async def checks(paths):
    try:
        subprocess.check_call(["mypy", *paths])  # want: ASYNC221
    except subprocess.CalledProcessError as e:
        print("mypy failed", e.returncode)
    status, out = subprocess.getstatusoutput("uname -a")  # want: ASYNC221
    return status, out


async def good(paths):
    proc = await asyncio.create_subprocess_exec("ruff", "check", *paths)
    await proc.wait()
    # Quiet: in a worker thread.
    await asyncio.to_thread(subprocess.run, ["true"], check=True)
    result = await asyncio.to_thread(lambda: subprocess.run(["true"]).returncode)
    return result


class Runner:
    def run(self, cmd):
        return cmd

    async def go(self):
        # Quiet: self.run is the method, not subprocess.run.
        self.run(["ls"])


def cli():
    subprocess.run(["ls"])


if __name__ == "__main__":
    cli()
