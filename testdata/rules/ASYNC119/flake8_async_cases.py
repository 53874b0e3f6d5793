# Cases from flake8-async's eval_files/async119.py.
import contextlib
from contextlib import asynccontextmanager


async def unsafe_yield():
    with open(""):
        yield  # want: ASYNC119


async def async_with():
    async with unsafe_yield():
        yield  # want: ASYNC119


async def warn_on_each_yield():
    with open(""):
        yield  # want: ASYNC119
        yield  # want: ASYNC119
    with open(""):
        yield  # want: ASYNC119


async def yield_not_in_contextmanager():
    yield
    with open(""):
        ...
    yield


async def yield_in_nested_function():
    with open(""):

        def foo():
            yield


async def yield_after_nested_async_function():
    with open(""):

        async def foo():
            yield

        yield  # want: ASYNC119


@asynccontextmanager
async def safe_in_contextmanager():
    with open(""):
        yield


@contextlib.asynccontextmanager
async def safe_in_contextmanager2():
    with open(""):
        yield


def deco(_): ...


@deco
async def deco_fun():
    with open(""):
        yield  # want: ASYNC119

async def try_finally(lock):
    async with lock:
        try:
            x = yield 1  # want: ASYNC119
        finally:
            pass
