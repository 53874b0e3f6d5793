import asyncio
import time

import aiohttp
import requests


async def fetch_all(urls):
    pages = [requests.get(u).text for u in urls]  # want: ASYNC210
    sizes = {u: len(requests.get(u).content) for u in urls}  # want: ASYNC210
    total = sum(len(requests.get(u).content) for u in urls)  # want: ASYNC210
    return pages, sizes, total


async def handle(event):
    match event["type"]:
        case "ping":
            time.sleep(0.1)  # want: ASYNC251
        case "fetch":
            return requests.get(event["url"]).json()  # want: ASYNC210
    try:
        await asyncio.sleep(0)
    except Exception:
        time.sleep(5)  # want: ASYNC251
    finally:
        requests.post("https://example.com/log", json=event)  # want: ASYNC210


async def stream(session: aiohttp.ClientSession, urls):
    async for chunk in session.get(urls[0]).content.iter_chunked(1024):
        time.sleep(0.01)  # want: ASYNC251
    async with session.get(urls[1]) as resp:
        requests.get(urls[2])  # want: ASYNC210
        return await resp.text()


async def typed(client: requests.Session, url: str):
    return client.get(url)  # want: ASYNC210


def sync_in_async_file(urls):
    return [requests.get(u) for u in urls]
