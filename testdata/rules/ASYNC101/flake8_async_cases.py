# Cases from flake8-async's eval_files/async101_asyncio.py.
import asyncio
import contextlib
import contextlib as ctx
from contextlib import asynccontextmanager, contextmanager
from contextlib import contextmanager as managed

import pytest
from pytest import fixture


async def timeout_as():
    async with asyncio.timeout(1) as _:
        yield 1  # want: ASYNC101, ASYNC119


async def timeout_at_each_yield():
    async with asyncio.timeout_at(1):
        yield 1  # want: ASYNC101, ASYNC119
        yield 2  # want: ASYNC101, ASYNC119


async def nested_function_is_safe():
    async with asyncio.TaskGroup():
        yield 1  # want: ASYNC101, ASYNC119

        def inner():
            yield 1


def sync_generator_with_group():
    with asyncio.TaskGroup() as _:
        yield 1  # want: ASYNC101


async def yield_as_value(stream):
    async with asyncio.timeout(1):
        received = yield 1  # want: ASYNC101, ASYNC119
        await stream.send(received)


def unrelated_decorator(f):
    return f


@unrelated_decorator
def decorated_otherwise():
    with asyncio.TaskGroup() as _:
        yield 1  # want: ASYNC101


# Quiet: context managers and fixtures.
@contextmanager
def safe_1():
    with asyncio.TaskGroup() as _:
        yield 1


@asynccontextmanager
async def safe_2():
    async with asyncio.TaskGroup() as _:
        yield 1


@ctx.contextmanager
def safe_3():
    with asyncio.TaskGroup() as _:
        yield 1


@managed
def safe_alias():
    # Deliberate difference: flake8-async compares the written name and reports this.
    with asyncio.TaskGroup() as _:
        yield 1


@pytest.fixture()
def fixture_called():
    with asyncio.TaskGroup() as _:
        yield 1


@fixture
async def fixture_imported():
    async with asyncio.timeout(1):
        yield 1


@contextlib.asynccontextmanager
async def yield_after_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(1))
    yield


async def yield_outside_context():
    async with asyncio.timeout(1):
        value = await asyncio.sleep(1, 5)
    yield value
