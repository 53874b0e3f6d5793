# Cases from flake8-async's eval_files/async124.py.
from typing import Any, overload

from pytest import fixture


async def awaits() -> Any:
    await awaits()


async def prints():  # want: ASYNC124
    print("hello")


async def conditional_wait(flag):
    if flag:
        await awaits()


async def plain_generator():  # quiet, unlike flake8-async: async generators are async iterators
    yield


async def uses_async_with():
    async with plain_generator():
        ...


async def uses_async_for():
    async for _ in plain_generator():
        ...


async def nested_async_await_only():  # want: ASYNC124
    async def inner():
        await awaits()


async def empty():
    "blah"
    ...


async def empty_pass():
    "foo"
    pass


async def test_with_fixture(  # want: ASYNC124
    my_async_fixture,
):
    assert my_async_fixture.setup_worked_correctly


@overload
async def overloaded():
    print("blah")


async def overloaded(): ...


@fixture
async def fixture_with_params(my_async_fixture):
    print("blah")


async def await_in_default_value():
    def inner(arg=await awaits()): ...

    return inner


async def lazy_async_generator_expression():  # want: ASYNC124
    return (
        await a async for a in plain_generator()
    )


async def first_iterable_is_awaited():
    return (a for a in await awaits())


async def async_list_comprehension():
    return [a async for a in plain_generator()]


class Handler:
    async def method(self):
        async def nested():  # want: ASYNC124
            print("blah")

        return nested()


async def after_class():  # want: ASYNC124
    print()
