# Cases from flake8-async's eval_files/async900.py.
from contextlib import asynccontextmanager

import pytest
import pytest_asyncio


async def foo1():  # want: ASYNC900
    yield
    yield


@asynccontextmanager
async def foo2():
    yield


@asynccontextmanager
async def foo3():
    async def bar():  # want: ASYNC900
        yield

    yield


def foo4():
    yield


@pytest.fixture
async def async_fixtures_are_basically_context_managers():
    yield


@pytest.fixture(scope="function")
async def async_fixtures_can_take_arguments():
    yield


@pytest_asyncio.fixture
async def pytest_asyncio_fixture():
    yield


def other_context_manager(f):
    return f


@other_context_manager
async def foo5():  # want: ASYNC900
    yield


async def this_is_not_an_async_generator():
    @asynccontextmanager
    async def cm():
        yield

    async with cm():
        pass


async def another_non_generator():
    def foo():
        yield


class Reader:
    async def __aiter__(self):  # want: ASYNC900
        while True:
            yield await self.read()
