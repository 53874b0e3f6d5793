# upstream: tests/eval_files/async910.py @ 15d56995d815e8d4b6ccffef5b2f777b11bdc1fd
# codes: ASYNC910
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Reduced: one case per shape. Upstream's option, as asyncls's setting:
# config: no-checkpoint-warning-decorators = ["no_checkpoint_needed", "*.handler"]
import asyncio
import contextlib
import typing
from contextlib import suppress as quiet
from typing import Any, overload

import pytest

flag = ""


async def step() -> Any:
    await step()


def work() -> Any: ...


async def stub_ellipsis(): ...


async def stub_pass():
    pass


async def stub_docstring():
    """Implemented elsewhere."""


async def no_checkpoint():  # want: ASYNC910
    work()


async def await_in_if_only():  # want: ASYNC910
    if flag:
        await step()


async def await_in_both_branches():
    if flag:
        await step()
    else:
        await step()


async def await_before_if():
    await step()
    if flag:
        pass


async def await_in_both_ternary_branches():
    print(await step() if flag else await step())


async def await_after_short_circuit():  # want: ASYNC910
    print(flag if False and await step() else await step())


async def outer_awaits():
    await step()

    async def inner():  # want: ASYNC910
        work()


async def only_inner_awaits():  # want: ASYNC910
    async def inner():
        await step()


async def inner_sync_holds_async():  # want: ASYNC910
    def middle():
        async def innermost():  # want: ASYNC910
            work()


@overload
async def typed(arg: bytes): ...


@typing.overload
async def typed(arg: str): ...


async def typed(arg):
    await step()


async def awaits_in_condition():
    if await step():
        pass


async def short_circuited_condition():  # want: ASYNC910
    if False and await step():
        pass


async def awaits_in_while_condition():
    while await step():
        pass


async def awaits_in_for_iterable():
    for _ in await step():
        pass


async def while_may_not_run():  # want: ASYNC910
    while flag:
        await step()


async def while_else_awaits():
    while flag:
        await step()
    else:
        await step()


async def while_false():  # want: ASYNC910
    while False:
        await step()


async def for_may_not_run():  # want: ASYNC910
    for _ in "":
        await step()


async def for_else_awaits():
    for _ in "":
        await step()
    else:
        await step()


async def break_skips_else():  # want: ASYNC910
    while work():
        break
    else:
        await step()


async def continue_keeps_else():
    while work():
        continue
    else:
        await step()


async def async_for_loop():
    async for _ in work():
        pass


async def async_with_block():
    async with work():
        pass


async def only_raises():
    raise ValueError()


async def awaits_or_raises():
    if flag:
        await step()
    else:
        raise ValueError()


async def handler_swallows():  # want: ASYNC910
    try:
        await step()
    except ValueError:
        pass
    except:
        raise
    else:
        await step()


async def finally_awaits():
    try:
        pass
    except ValueError:
        pass
    finally:
        await step()


async def every_handler_awaits():
    try:
        await step()
    except ValueError:
        await step()
    except:
        raise


async def empty_try():  # want: ASYNC910
    try:
        pass
    except:
        pass


async def bare_except_swallows():  # want: ASYNC910
    try:
        await asyncio.sleep(0)
    except:
        pass


async def bare_except_reraises():
    try:
        await asyncio.sleep(0)
    except:
        raise
    finally:
        pass


async def return_in_finally():
    try:
        await asyncio.sleep(0)
    except:
        pass
    finally:
        return  # want: ASYNC910


async def early_return():
    return  # want: ASYNC910


async def early_return_in_if():
    if flag:
        return  # want: ASYNC910
    await step()


async def return_after_await():  # want: ASYNC910
    if flag:
        await step()
        return


async def literal_loop():
    for _ in [1, 2, 3]:
        await step()


async def range_loop():
    for _ in range(5):
        await step()


async def empty_range():  # want: ASYNC910
    for _ in range(10, 5):
        await step()


async def loop_returns_after_await():
    while True:
        if flag:
            await asyncio.sleep(0)
            return
        while work():
            await step()


@pytest.fixture
async def fixture_bare():
    print("setup")


@pytest.fixture()
async def fixture_called():
    print("setup")


async def comprehension_condition_awaits():
    [x for x in range(10) if await step()]


async def comprehension_element_awaits():  # want: ASYNC910
    [await step() for x in range(10) if work()]


async def async_comprehension():
    [x async for x in work()]


async def generator_source_awaits():
    (print(x) for x in await step())


async def generator_body_awaits():  # want: ASYNC910
    (await x async for x in work())


async def nested_try_swallows():  # want: ASYNC910
    try:
        while step():
            try:
                await asyncio.sleep(1)
            except Exception:
                pass
    except Exception:
        pass


# Parameter defaults and decorators of a nested def run in the enclosing
# function, not in the nested one.
async def default_awaits_in_enclosing():
    async def inner(arg=await step()):  # want: ASYNC910
        print(arg)


# contextlib.suppress may end its body before the await and carry on.
async def suppressed_await():  # want: ASYNC910
    with contextlib.suppress(ValueError):
        await step()


async def suppressed_alias():  # want: ASYNC910
    with quiet(ValueError):
        await step()


async def suppress_then_await():
    with contextlib.suppress(ValueError):
        await step()
    await step()


async def async_with_suppressor():
    async with work():
        await step()


# A literal condition other than True: the body runs at least once.
async def literal_condition():
    while "spin":
        await step()
        if work():
            return


async def nested_comprehension_condition():
    [x for x in range(10) for y in range(3) if await step()]


async def nested_comprehension_element():
    [await step() for x in range(10) for y in (1, 2)]


async def nested_comprehension_maybe_empty():  # want: ASYNC910
    [await step() for x in range(10) for y in work()]


async def inverted_step_range():
    for i in range(10, 5, ~0):
        await step()


def no_checkpoint_needed(fn): ...


@no_checkpoint_needed
async def decorated_exempt():
    print("...")


@no_checkpoint_needed()
async def decorated_call_exempt():
    print("...")


@work.handler
async def pattern_exempt():
    print("...")


@work.other
async def decorated_checked():  # want: ASYNC910
    print("...")
