import asyncio
import contextlib
from contextlib import asynccontextmanager

import pytest


async def ticks():
    async with asyncio.timeout(10):
        while True:
            yield await next_tick()  # want: ASYNC101 "`yield` inside `asyncio\.timeout\(\)` in `ticks`", ASYNC119


async def in_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(next_tick())
        yield 1  # want: ASYNC101, ASYNC119


# Quiet: context managers and fixtures yield on purpose.
@asynccontextmanager
async def group():
    async with asyncio.TaskGroup() as tg:
        yield tg


@contextlib.asynccontextmanager
async def limited():
    async with asyncio.timeout(10):
        yield


@pytest.fixture
async def fixture_group():
    async with asyncio.TaskGroup() as tg:
        yield tg


async def outside():
    while True:
        async with asyncio.timeout(10):
            tick = await next_tick()
        yield tick


async def next_tick():
    return 1
