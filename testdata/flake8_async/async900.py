# upstream: tests/eval_files/async900.py @ 166e64772d55ffc31ef52b0ab6736697aded4fcb
# codes: ASYNC900
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
from contextlib import asynccontextmanager

import pytest


async def ticks():  # want: ASYNC900
    yield 1
    yield 2


@asynccontextmanager
async def managed():
    yield


@asynccontextmanager
async def managed_with_inner():
    async def inner():  # want: ASYNC900
        yield

    yield


def sync_generator():
    yield


@pytest.fixture
async def fixture_bare():
    yield


@pytest.fixture(scope="function")
async def fixture_called():
    yield


async def not_a_generator():
    @asynccontextmanager
    async def cm():
        yield

    async with cm():
        pass


async def holds_sync_generator():
    def inner():
        yield
