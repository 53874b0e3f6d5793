import asyncio
import sqlite3
import time

import psycopg2
import requests


# A coroutine that calls a callable parameter runs it on the event loop: when
# the module passes it a synchronous function that blocks, the call blocks
# (doobidoo/mcp-memory-service#433: every query went through such a retry
# helper, there over sqlite3).
class Storage:
    def connect(self, dsn):
        self.conn = psycopg2.connect(dsn)

    async def _execute_with_retry(self, operation, max_retries=3):
        for attempt in range(max_retries + 1):
            try:
                return operation()  # want: ASL201 "`operation\(\)` blocks the event loop in async function `_execute_with_retry`: `operation` is `update_metadata`, passed by `self\._execute_with_retry\(\)` line 28, which calls blocking `self\.conn\.commit\(\)`"
            except psycopg2.OperationalError:
                await asyncio.sleep(0.1 * attempt)

    async def persist(self, key, value):
        def update_metadata():
            self.conn.commit()

        await self._execute_with_retry(update_metadata)

    async def persist_again(self, key, value):
        def update_metadata():
            self.conn.commit()

        # Passed again: the finding above names the first passing call.
        await self._execute_with_retry(update_metadata)


# The same over sqlite3 is a chain to a local file database: left out by
# default (asl201-local-files), like any helper chain that ends there.
class LocalStorage:
    def connect(self, path):
        self.conn = sqlite3.connect(path, check_same_thread=False)

    async def _execute_with_retry(self, operation):
        return operation()

    async def persist(self, key, value):
        def update_metadata():
            self.conn.execute("UPDATE memories SET metadata = ? WHERE content_hash = ?", (value, key))
            self.conn.commit()

        await self._execute_with_retry(update_metadata)


def fetch_quote():
    return requests.get("https://example.com/quote", timeout=10).text


def add(a, b):
    return a + b


async def run_job(job, *args):
    return job(*args)  # want: ASL201 "`job` is `fetch_quote`, passed by `run_job\(\)` line 77, which calls blocking `requests\.get\(\)`"


async def run_lambda(job):
    job()  # want: ASL201 "`job` is a lambda, passed by `run_lambda\(\)` line 78, which calls blocking `time\.sleep\(\)`"


async def run_keyword(*, job):
    job()  # want: ASL201 "`job` is `fetch_quote`, passed by `run_keyword\(\)` line 79"


async def main():
    await run_job(add, 1, 2)
    await run_job(fetch_quote)
    await run_lambda(lambda: time.sleep(1))
    await run_keyword(job=fetch_quote)


# Quiet: what the module passes does not block, is a coroutine function, or
# the coroutine awaits, schedules or offloads the call.
async def compute(job):
    return job(2, 3)


async def awaited(job):
    return await job()


async def scheduled(job):
    return asyncio.ensure_future(job())


async def offloaded(job):
    return await asyncio.to_thread(job)


async def rebound(job):
    job = asyncio.to_thread
    return job(fetch_quote)


async def fetch_async():
    await asyncio.sleep(0)


async def callers():
    await compute(add)
    await awaited(fetch_async)
    await scheduled(fetch_async)
    await offloaded(fetch_quote)
    await rebound(fetch_quote)
