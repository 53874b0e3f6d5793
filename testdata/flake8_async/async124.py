# upstream: tests/eval_files/async124.py @ 358df6d24d77be4642c495607e461322dd603d1c
# codes: ASYNC124
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Upstream's --no-checkpoint-warning-decorator option has no asyncls setting;
# that case is left out. This module is not a test module (asyncls skips
# test functions in test modules, a deliberate difference shown below in
# tests/test_async124.py's counterpart, testdata/rules/ASYNC124).
from typing import Any, overload

from pytest import fixture


def pick() -> bool: ...


async def awaits() -> Any:
    await awaits()


async def only_prints():  # want: ASYNC124
    print("hello")


async def awaits_sometimes():
    if pick():
        await awaits()


async def bare_generator():  # differs: ASYNC124 -- an async generator is how an async iterator is written
    yield


async def uses_async_with():
    async with bare_generator():
        pass


async def uses_async_for():
    async for item in bare_generator():
        print(item)


async def awaits_only_in_inner_coroutine():  # want: ASYNC124
    async def inner():
        await awaits()


async def stub_docstring_ellipsis():
    "Implemented by subclasses."
    ...


async def stub_docstring_pass():
    "Implemented by subclasses."
    pass


async def test_with_fixture(  # want: ASYNC124
    loop_fixture,
):
    assert loop_fixture.ready


async def test_without_fixture():  # want: ASYNC124
    print("test")


@overload
async def declared():
    print("overload")


async def declared(): ...


@fixture
async def async_fixture(other_fixture):
    print("fixture")


async def default_awaits():
    def inner(arg=await awaits()): ...


async def async_generator_expression():  # want: ASYNC124
    return (await item async for item in bare_generator())


async def awaits_in_generator_source():
    return (item for item in await awaits())


async def async_comprehension():
    return [item async for item in bare_generator()]


class Service:
    # methods are not reported: they may implement an async interface
    async def handle(self):
        async def nested():  # want: ASYNC124
            print("nested")

    async def later(self):
        print()


async def after_class():  # want: ASYNC124
    print()
