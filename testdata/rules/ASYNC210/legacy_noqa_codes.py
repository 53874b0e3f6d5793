# The first flake8-async (and ruff before 0.5) called a blocking HTTP call
# ASYNC100; code written then keeps `# noqa: ASYNC100` on the call, and it
# silences ASYNC210 there. ASYNC101 and ASYNC102 (open, sleep, processes)
# do not.
import asyncio

import requests


async def fast_download(path, url):
    with requests.get(  # noqa: ASYNC100
        url,
        stream=True,
    ) as resp:
        for chunk in resp.iter_content(chunk_size=2**17):
            await asyncio.sleep(0)


async def status(url):
    return requests.get(url).status_code  # noqa: ASYNC100


async def other_code(url):
    return requests.get(url).status_code  # noqa: ASYNC101  # want: ASYNC210


async def unsilenced(url):
    return requests.post(url).json()  # want: ASYNC210
