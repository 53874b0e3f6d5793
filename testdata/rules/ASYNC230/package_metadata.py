# Reading a distribution's metadata lists the sys.path entries for
# *.dist-info directories and reads the file found, on every call (Home
# Assistant reports the listdir and open).
import importlib.metadata

try:
    from importlib.metadata import version as get_version
except ImportError:  # Python < 3.8: the backport, the same API
    from importlib_metadata import version as get_version

import pkg_resources


async def versions(packages):
    out = {p: get_version(p) for p in packages}  # want: ASYNC230 "`get_version\(\)` \(importlib\.metadata\.version\) blocks the event loop in async function `versions`"
    out["self"] = importlib.metadata.version("mypkg")  # want: ASYNC230 "`importlib\.metadata\.version\(\)` blocks the event loop"
    eps = importlib.metadata.entry_points(group="mypkg.plugins")  # want: ASYNC230 "`importlib\.metadata\.entry_points\(\)` blocks"
    dist = pkg_resources.get_distribution("mypkg")  # want: ASYNC230 "`pkg_resources\.get_distribution\(\)` blocks"
    return out, eps, dist


# Quiet: read once at import time, or in a thread.
VERSION = get_version("mypkg")


async def version_in_thread(package):
    return await asyncio_to_thread_version(package)


async def asyncio_to_thread_version(package):
    import asyncio

    return await asyncio.to_thread(get_version, package)
