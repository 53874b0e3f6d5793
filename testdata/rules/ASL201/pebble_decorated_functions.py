# A synchronous helper that waits on a Pebble future blocks the coroutine
# that calls it (microblog.pub's scrap_og_meta, called from
# _og_meta_from_url, corpus46: `_scrap_og_meta(url, html).result()`, up to
# the decorator's 5 s timeout per link). The decorated function's own body
# runs in the worker process or thread (pylib.RunsInThread): calling it does
# not block, whatever the body does.
import time

from pebble import concurrent


@concurrent.process(timeout=5)
def _scrap(url: str, html: str) -> str | None:
    time.sleep(1)  # in the worker process
    return html


@concurrent.thread
def _slow_hash(data: bytes) -> int:
    time.sleep(1)  # in the worker thread
    return hash(data)


def scrap(url: str, html: str) -> str | None:
    return _scrap(url, html).result()


async def og_meta_from_url(url, html):
    return scrap(url, html)  # want: ASL201 "_scrap\(url, html\)\.result\(\)"


async def start_scrap(url, html):
    # Quiet: the call only starts the worker; the future is not waited on.
    fut = _scrap(url, html)
    fut.add_done_callback(print)
    return fut


async def start_hash(data):
    # Quiet: the decorated body's sleep runs in the worker thread.
    return _slow_hash(data)
