# upstream: tests/eval_files/async911.py @ 358df6d24d77be4642c495607e461322dd603d1c
# codes: ASYNC911
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# Reduced: the shapes whose lines carry a single expectation upstream.
import asyncio
import contextlib
from typing import Any


async def step() -> Any:
    await asyncio.sleep(0)


def pick() -> Any: ...


def source(*args) -> Any: ...


async def checkpoint_around_yield():
    await asyncio.sleep(0)
    yield 5
    await asyncio.sleep(0)


async def two_yields_first():
    yield  # want: ASYNC911
    yield  # want: ASYNC911
    await asyncio.sleep(0)


async def exits_after_yield():  # want: ASYNC911
    await asyncio.sleep(0)
    yield


async def returns_after_first_yield():
    yield  # want: ASYNC911
    return  # want: ASYNC911


async def returns_after_yield():
    await asyncio.sleep(0)
    yield
    return  # want: ASYNC911


async def checkpoint_before_return():
    await asyncio.sleep(0)
    yield
    await asyncio.sleep(0)
    return


async def yields_in_timeout():
    async with asyncio.timeout(5):
        yield


async def yields_twice_in_timeout():
    async with asyncio.timeout(5):
        yield
        yield  # want: ASYNC911


async def async_for_else():  # want: ASYNC911
    async for _ in source():
        yield
    else:
        yield


async def async_for_break():  # want: ASYNC911
    async for _ in source():
        yield
        if pick():
            break


async def async_for_plain():
    async for _ in source():
        yield


async def async_for_continue():
    async for _ in source():
        yield
        continue


async def for_may_not_run():  # want: ASYNC911
    await asyncio.sleep(0)
    for _ in "":
        yield  # want: ASYNC911


async def while_else_checkpoint():  # want: ASYNC911
    while step():
        pass
    else:
        await asyncio.sleep(0)
    yield


async def while_yield():  # want: ASYNC911
    await asyncio.sleep(0)
    while step():
        yield  # want: ASYNC911


async def while_continue_skips():  # want: ASYNC911
    await asyncio.sleep(0)
    while step():
        yield  # want: ASYNC911
        if pick():
            continue
        await asyncio.sleep(0)


async def break_skips_else():  # want: ASYNC911
    while step():
        if pick():
            break
    else:
        await asyncio.sleep(0)
    yield  # want: ASYNC911


async def break_after_yield():  # want: ASYNC911
    await asyncio.sleep(0)
    while step():
        yield
        if pick():
            break
        await asyncio.sleep(0)


async def checkpoint_on_every_path():  # want: ASYNC911
    while step():
        await asyncio.sleep(0)
        if pick():
            break
    else:
        await asyncio.sleep(0)
    yield


async def endless_loop():
    while True:
        await asyncio.sleep(0)
        yield


async def endless_inner_loop():
    await asyncio.sleep(0)
    while True:
        yield
        while True:
            await asyncio.sleep(0)
            yield


async def try_value_error_yield():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except ValueError:
        yield  # want: ASYNC911
    except:
        await asyncio.sleep(0)
    else:
        pass


async def try_else_yield():  # want: ASYNC911
    try:
        pass
    except:
        await asyncio.sleep(0)
    else:
        yield  # want: ASYNC911


async def finally_checkpoints():
    try:
        pass
    except:
        yield  # want: ASYNC911
    finally:
        await asyncio.sleep(0)


async def yield_in_finally():
    try:
        await asyncio.sleep(0)
    finally:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def yield_after_handled_error():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except ValueError:
        pass
    yield  # want: ASYNC911


async def yield_in_else_after_checkpoints():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except:
        await asyncio.sleep(0)
    else:
        yield


async def bare_except_then_finally():
    try:
        await asyncio.sleep(0)
    except:
        await asyncio.sleep(0)
    finally:
        yield
        await asyncio.sleep(0)


async def partial_except_then_finally():
    try:
        await asyncio.sleep(0)
    except ValueError:
        await asyncio.sleep(0)
    finally:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def yields_in_both_branches():
    if pick():
        yield  # want: ASYNC911
        await asyncio.sleep(0)
    else:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def yield_in_else_branch():  # want: ASYNC911
    await asyncio.sleep(0)
    if pick():
        pass
    else:
        yield
    yield  # want: ASYNC911


async def yield_in_if_branch():  # want: ASYNC911
    await asyncio.sleep(0)
    if pick():
        yield
    else:
        pass
    yield  # want: ASYNC911


async def checkpoint_in_one_branch():  # want: ASYNC911
    await asyncio.sleep(0)
    yield
    if pick():
        await asyncio.sleep(0)
    else:
        pass
    yield  # want: ASYNC911


async def conditional_generator():  # want: ASYNC911
    if pick():
        await asyncio.sleep(0)
        yield
        await asyncio.sleep(0)


# The right operand of `and`/`or` may not run: after a yield in the left
# one, the await on the right is no checkpoint for sure.
async def yield_then_maybe_await():  # want: ASYNC911
    _ = await asyncio.sleep(0) and (yield) and await asyncio.sleep(0)


async def yield_in_left_only():
    await asyncio.sleep(0)
    _ = pick() or (yield)
    await asyncio.sleep(0)


async def suppressed_before_yield():
    with contextlib.suppress(KeyError):
        await asyncio.sleep(0)
    yield  # want: ASYNC911
    await asyncio.sleep(0)


async def literal_condition_loop():
    while "forever":
        await asyncio.sleep(0)
        if pick():
            break
    yield
    await asyncio.sleep(0)


async def nested_comprehensions():
    [x for x in range(3) for y in range(3) async for z in source()]
    yield
    [await asyncio.sleep(0) for x in (1, 2) for y in [3]]
    yield
    [x for x in range(3) for y in range(3) if await asyncio.sleep(0) if pick()]
    yield
    await asyncio.sleep(0)
