from contextlib import asynccontextmanager

import pytest


async def lines(reader):  # want: ASYNC900 "async generator `lines` may be finalised late or never"
    while line := await reader.readline():
        yield line


# Quiet
@asynccontextmanager
async def managed(reader):
    yield reader


@pytest.fixture
async def fixture():
    yield 1


async def coroutine(reader):
    return await reader.readline()


def sync_gen():
    yield 1
