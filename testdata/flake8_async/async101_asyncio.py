# upstream: tests/eval_files/async101_asyncio.py @ 4cb66ae3d4c8db6e95a96381708aa181997dc03b
# upstream: tests/eval_files/async101_third_party.py @ 16cd204cfb9bc46ef1881a57ea2100804401a72e
# codes: ASYNC101
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import asyncio
import contextlib
import contextlib as ctx
from contextlib import asynccontextmanager, contextmanager, contextmanager as cm_alias

import anyio.from_thread
import apscheduler
import asgi_lifespan
import mcp.client.sse
import mcp.client.streamable_http
import pytest


async def gen_in_group():
    async with asyncio.TaskGroup() as tg:
        yield tg  # want: ASYNC101


async def gen_in_timeout():
    async with asyncio.timeout(3):
        yield 0  # want: ASYNC101


async def gen_in_timeout_at(deadline):
    async with asyncio.timeout_at(deadline):
        yield 0  # want: ASYNC101


async def gen_with_inner_def():
    async with asyncio.TaskGroup():
        yield "x"  # want: ASYNC101

        def inner():
            yield "quiet: another function"


def sync_gen_with_group():
    with asyncio.TaskGroup():
        yield 1  # want: ASYNC101


@contextmanager
def cm_sync():
    with asyncio.TaskGroup():
        yield 1


@asynccontextmanager
async def cm_async():
    async with asyncio.TaskGroup():
        yield 1


@contextlib.asynccontextmanager
async def cm_async_dotted():
    async with asyncio.timeout(1):
        yield 1


@ctx.contextmanager
def cm_module_alias():
    with asyncio.TaskGroup():
        yield 1


@cm_alias
def aliased_decorator_is_not_resolved():
    with asyncio.TaskGroup():
        yield 1  # differs: ASYNC101 -- `cm_alias` is contextlib.contextmanager imported under another name


@pytest.fixture()
def fixture_called():
    with asyncio.TaskGroup():
        yield 1


@pytest.fixture
def fixture_bare():
    with asyncio.TaskGroup():
        yield 1


# Third-party context managers that open a task group or cancel scope inside.
async def gen_lifespan(app):
    async with asgi_lifespan.LifespanManager(app):
        yield app  # want: ASYNC101


@asynccontextmanager
async def cm_lifespan(app):
    async with asgi_lifespan.LifespanManager(app):
        yield app


async def gen_scheduler():
    async with apscheduler.AsyncScheduler() as scheduler:
        yield scheduler  # want: ASYNC101


async def gen_portal():
    with anyio.from_thread.BlockingPortal() as portal:
        yield portal  # want: ASYNC101


async def gen_start_portal():
    with anyio.from_thread.start_blocking_portal() as portal:
        yield portal  # want: ASYNC101


async def gen_mcp_http(url):
    async with mcp.client.streamable_http.streamablehttp_client(url) as streams:
        yield streams  # want: ASYNC101


async def gen_mcp_sse(url):
    async with mcp.client.sse.sse_client(url) as streams:
        yield streams  # want: ASYNC101
