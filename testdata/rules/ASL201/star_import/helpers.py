import asyncio
import time

import requests


def download(url):
    return requests.get(url).content


def pause():
    time.sleep(1)


async def _tick():
    await asyncio.sleep(0)


def tick_sync():
    asyncio.run(_tick())


async def notify(msg):
    await asyncio.sleep(0)
