# Third-party context managers that open a task group or cancel scope
# inside (flake8-async's eval_files/async101_third_party.py, asyncio side).
from contextlib import asynccontextmanager

import anyio.from_thread
import apscheduler
import asgi_lifespan
import mcp.client.sse
import mcp.client.streamable_http


async def lifespan(app):
    async with asgi_lifespan.LifespanManager(app) as manager:
        yield manager  # want: ASYNC101, ASYNC119


@asynccontextmanager
async def lifespan_safe(app):
    async with asgi_lifespan.LifespanManager(app) as manager:
        yield manager  # quiet: a context manager


async def scheduler():
    async with apscheduler.AsyncScheduler() as s:
        yield s  # want: ASYNC101, ASYNC119


async def portal():
    with anyio.from_thread.start_blocking_portal() as p:
        yield p  # want: ASYNC101, ASYNC119


async def mcp_streams(url):
    async with mcp.client.streamable_http.streamablehttp_client(url) as streams:
        yield streams  # want: ASYNC101, ASYNC119
    async with mcp.client.sse.sse_client(url) as streams:
        yield streams  # want: ASYNC101, ASYNC119


async def plain_session(session_factory):
    async with session_factory() as s:
        yield s  # want: ASYNC119
