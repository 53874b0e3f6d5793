# config: asl201-local-files = true  # mechanics shown with local-file sinks
import asyncio
import shutil


def create_server_keys(srv_dir):
    shutil.copyfile(srv_dir + "/server.key", srv_dir + "/client/server.key")


def key_housekeeping(srv_dir, create=True):
    """Remove stale keys; make new ones unless create is false."""
    if create:
        create_server_keys(srv_dir)


def archive(path, keep=None):
    if keep:
        shutil.copy2(path, path + ".old")


async def install(srv_dir):
    await asyncio.sleep(0)
    key_housekeeping(srv_dir)  # want: ASL201 "reaches blocking `shutil.copyfile\(\)` via key_housekeeping\(\) -> create_server_keys\(\)"


async def rotate(srv_dir):
    await asyncio.sleep(0)
    key_housekeeping(srv_dir, create=1)  # want: ASL201


async def keep_old(path):
    await asyncio.sleep(0)
    archive(path, keep=True)  # want: ASL201


# Quiet: a literal argument the helper's `if` tests keeps its blocking body
# from running on this call.
async def shutdown(srv_dir):
    await asyncio.sleep(0)
    key_housekeeping(srv_dir, create=False)


async def drop(path):
    await asyncio.sleep(0)
    archive(path)


# Reported: the flag is reassigned before the test, or not a literal.
def key_housekeeping_forced(srv_dir, create=True):
    create = create or srv_dir.endswith("/new")
    if create:
        create_server_keys(srv_dir)


async def shutdown_forced(srv_dir):
    await asyncio.sleep(0)
    key_housekeeping_forced(srv_dir, create=False)  # want: ASL201


async def shutdown_flag(srv_dir, flag):
    await asyncio.sleep(0)
    key_housekeeping(srv_dir, create=flag)  # want: ASL201
