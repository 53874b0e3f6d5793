# Pebble's concurrent decorators: a call of a function decorated with
# `@concurrent.process(...)` returns a pebble.ProcessFuture, with
# `@concurrent.thread` a concurrent.futures.Future; result() waits for the
# worker (microblog.pub's OpenGraph scraper, corpus46). The pools' schedule()
# gives the same futures. pebble.asynchronous's decorators return asyncio
# futures, awaited.
import asyncio

import pebble
from pebble import asynchronous, concurrent


@concurrent.process(timeout=5)
def scrape(url: str, html: str) -> dict | None:  # the annotation names the worker's result
    return {"url": url, "html": html}


@concurrent.thread
def checksum(data: bytes) -> int:
    return sum(data)


@asynchronous.process(timeout=5)
def parse(html: str) -> str:
    return html.strip()


def crunch(n):
    return n * n


async def og_meta(url, html):
    fut = scrape(url, html)
    return fut.result()  # want: ASL202 "pebble.ProcessFuture.result"


async def digest(data):
    return checksum(data).result()  # want: ASL202


async def on_pool(n):
    pool = pebble.ProcessPool(max_workers=2)
    return pool.schedule(crunch, args=[n]).result()  # want: ASL202


async def awaited(url, html):
    # Quiet: the future is awaited through asyncio.wrap_future.
    return await asyncio.wrap_future(scrape(url, html))


async def asynchronous_decorator(html):
    # Quiet: pebble.asynchronous returns an asyncio future, awaited.
    return await parse(html)


def offline(url, html):
    # Quiet: a synchronous function that no coroutine calls.
    return scrape(url, html).result()
