import os
import subprocess


async def run_tools():
    listing = os.popen("ls -l").read()  # want: ASYNC220
    os.spawnl(os.P_NOWAIT, "/bin/true", "true")  # want: ASYNC220
    os.spawnl(os.P_WAIT, "/bin/true", "true")  # want: ASYNC221
    out = subprocess.getoutput("uname -a")  # want: ASYNC221
    subprocess.call("make", shell=True)  # want: ASYNC221
    os.wait()  # want: ASYNC222
    return listing, out
