import asyncio
import os
import subprocess


async def deploy(branch):
    subprocess.run(["git", "checkout", branch], check=True)  # want: ASYNC221
    sha = subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()  # want: ASYNC221
    os.system("make build")  # want: ASYNC221
    server = subprocess.Popen(["./serve", sha])  # want: ASYNC220
    pid, status = os.waitpid(server.pid, 0)  # want: ASYNC222
    return status


async def deploy_ok(branch):
    proc = await asyncio.create_subprocess_exec("git", "checkout", branch)
    await proc.wait()
    await asyncio.to_thread(subprocess.run, ["make"], check=True)
