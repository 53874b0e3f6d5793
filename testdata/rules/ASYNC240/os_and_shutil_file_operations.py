import glob
import os
import shutil


async def housekeeping(path):
    names = os.listdir(path)  # want: ASYNC240
    os.stat(path)  # want: ASYNC240
    os.remove(path)  # want: ASYNC240
    os.makedirs(path, exist_ok=True)  # want: ASYNC240
    shutil.copy(path, path + ".bak")  # want: ASYNC230
    shutil.rmtree(path)  # want: ASYNC240
    glob.glob("*.py")  # want: ASYNC240
    return names


# Quiet
async def pure(path):
    os.path.join(path, "x")
    os.getcwd
    os.environ.get("HOME")
    return os.sep


def sync(path):
    os.listdir(path)
    shutil.rmtree(path)
