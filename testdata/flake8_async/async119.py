# upstream: tests/eval_files/async119.py @ 159a03fc7e2103f45fd974e0c6bdbf48dad2c0ad
# codes: ASYNC119
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream's options, as asyncls's settings:
# config: transform-async-generator-decorators = ["transforms_generator"]
import contextlib
from contextlib import asynccontextmanager


async def lines_of(path):
    with open(path) as handle:
        yield handle.readline()  # want: ASYNC119


async def relay():
    async with lines_of("x") as lines:
        yield lines  # want: ASYNC119


async def every_yield(path):
    with open(path) as handle:
        yield handle.readline()  # want: ASYNC119
        yield handle.readline()  # want: ASYNC119
    with open(path) as handle:
        yield handle.readline()  # want: ASYNC119
        yield handle.readline()  # want: ASYNC119


async def yields_outside(path):
    yield 1
    with open(path) as handle:
        handle.read()
    yield 2


async def nested_sync_generator(path):
    with open(path) as handle:

        def inner():
            yield handle


async def nested_async_generator(path):
    with open(path) as handle:

        async def inner():
            yield handle


async def yield_after_nested(path):
    with open(path) as handle:

        async def inner():
            yield handle

        yield inner  # want: ASYNC119


@asynccontextmanager
async def managed(path):
    with open(path) as handle:
        yield handle


@contextlib.asynccontextmanager
async def managed_dotted(path):
    with open(path) as handle:
        yield handle


def transforms_generator(fn): ...


def other_decorator(fn): ...


@transforms_generator
async def transformed():
    with open(""):
        yield


@other_decorator
async def not_transformed():
    with open(""):
        yield  # want: ASYNC119
