import asyncio
import os


# Quiet: /proc and /sys are the kernel's in-memory file systems; opening and
# reading one waits on no disk.
async def vm_size():
    for line in open("/proc/%d/status" % os.getpid()):
        if line.startswith("VmSize:"):
            return line.split()[1]


async def temperature(zone):
    with open(f"/sys/class/thermal/thermal_zone{zone}/temp") as f:
        return int(f.read()) / 1000


async def uptime():
    f = open("/proc/uptime")
    text = f.read()
    f.close()
    return float(text.split()[0])


async def battery(name):
    with open("/sys/class/power_supply/" + name + "/capacity") as f:
        return int(f.readline())


# Reported: a file on disk, or a path that is not written as a string.
async def config(path):
    with open("/etc/app.conf") as f:  # want: ASYNC230 "`open\(\)` and the file's `f\.read\(\)` \(line 33\) block the event loop in async function `config`"
        return f.read()  # folded into the open's finding


async def any_path(path):
    with open(path) as f:  # want: ASYNC230
        return f.read()


async def proc_like_name(root):
    with open(root + "/proc/status") as f:  # want: ASYNC230
        return f.read()


async def wait():
    await asyncio.sleep(1)
