import asyncio
import os
import subprocess
import time
from asyncio import sleep
from functools import partial
from pathlib import Path

import aiofiles
import anyio
import httpx
import requests


async def quiet(url, path, executor):
    loop = asyncio.get_running_loop()
    a = await loop.run_in_executor(executor, requests.get, url)
    b = await asyncio.to_thread(requests.get, url, timeout=5)
    c = await loop.run_in_executor(None, partial(requests.get, url))
    f = await asyncio.to_thread(open, path)
    await asyncio.to_thread(subprocess.run, ["ls"])
    async with aiofiles.open(path) as af:
        text = await af.read()
    exists = await anyio.Path(path).exists()
    home = Path.home() / "data"
    name = os.path.join(str(home), "x")

    class Helper:
        def slow(self):
            time.sleep(1)
            return requests.get(url)

    return a, b, c, f, text, exists, name, Helper


async def shadowing(input, time):
    value = input("x")
    time.sleep(1)
    return value


async def asyncio_sleep_imported():
    sleep(1)  # want: ASL102
    await sleep(1)


async def async_client(url):
    client = httpx.AsyncClient()
    client.get(url)  # want: ASL102
    r = await client.get(url)
    await client.aclose()
    return r


# The same calls made directly, so every code above is under test here.
async def positives(path):
    time.sleep(1)  # want: ASYNC251
    open(path)  # want: ASYNC230
    subprocess.run(["ls"])  # want: ASYNC221
    Path(path).exists()  # want: ASYNC240
    input()  # want: ASYNC250
    requests.get(path)  # want: ASYNC210
    asyncio.create_task(asyncio_sleep_imported())  # want: ASYNC300
