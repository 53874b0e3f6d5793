# A coroutine whose blocking call is reported gets that finding only: its
# fix (`await asyncio.to_thread(...)`) is the missing await.
import asyncio
import subprocess
import time

import requests


async def fetch(url):  # quiet: ASYNC210 says to await the call in a thread
    return requests.get(url)  # want: ASYNC210


async def pause():  # quiet: ASYNC251 says `await asyncio.sleep`
    time.sleep(1)  # want: ASYNC251


def run_tool(args):
    return subprocess.run(args)


async def build(args):  # quiet: ASL201 says to await the helper in a thread
    return run_tool(args)  # want: ASL201


def describe(args):
    return " ".join(args)


async def label(args):  # want: ASYNC124
    return describe(args)


async def main():
    await fetch("u")
    await pause()
    await build(["ls"])
    return await label(["ls"])
