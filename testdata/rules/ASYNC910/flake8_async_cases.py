# Cases from flake8-async's eval_files/async910.py, with asyncio.
from __future__ import annotations

import contextlib
import typing
from typing import Any, overload

import pytest
import asyncio

_ = ""

custom_disabled_decorator: Any = ...


async def foo() -> Any:
    await foo()


def bar() -> Any: ...


async def foo_empty_1a():
    ...
async def foo_empty_1b(): ...
async def foo_empty_1c(): ...; ...


async def foo_empty_2():
    pass


async def foo_empty_3():
    """comment"""


async def foo_empty_4():
    ...
    """comment"""
    ...
    """comment2"""


async def foo1():  # want: ASYNC910
    bar()


async def foo_if_1():  # want: ASYNC910
    if _:
        await foo()


async def foo_if_2():
    if _:
        await foo()
    else:
        await foo()


async def foo_if_3():
    await foo()
    if _:
        ...


async def foo_if_4():  # safe
    await foo()
    if ...:
        ...
    else:
        ...


async def foo_ifexp_1():  # safe
    print(await foo() if _ else await foo())


async def foo_ifexp_2():  # want: ASYNC910
    print(_ if False and await foo() else await foo())


async def foo_func_1():
    await foo()

    async def foo_func_2():  # want: ASYNC910
        bar()


async def foo_func_3():  # want: ASYNC910
    async def foo_func_4():
        await foo()


async def foo_func_5():  # want: ASYNC910
    def foo_func_6():  # safe
        async def foo_func_7():  # want: ASYNC910
            bar()


async def foo_func_8():  # want: ASYNC910
    def foo_func_9():
        raise


def foo_normal_func_1():
    return


def foo_normal_func_2(): ...


@overload
async def foo_overload_1(_: bytes): ...


@typing.overload
async def foo_overload_1(_: str): ...


async def foo_overload_1(_: bytes | str):
    await foo()


async def foo_condition_1():  # safe
    if await foo():
        ...


async def foo_condition_2():  # want: ASYNC910
    if False and await foo():
        ...


async def foo_condition_3():  # want: ASYNC910
    if ... and await foo():
        ...


async def foo_condition_4():  # safe
    while await foo():
        ...


async def foo_condition_5():  # safe
    for i in await foo():
        ...


async def foo_condition_6():  # in theory error, but not worth parsing
    for i in (None, await foo()):
        break


async def foo_while_1():  # want: ASYNC910
    while _:
        await foo()


async def foo_while_2():  # now safe
    while _:
        await foo()
    else:
        await foo()


async def foo_while_3():  # safe
    await foo()
    while _:
        ...


async def foo_while_4():  # want: ASYNC910
    while False:
        await foo()


async def foo_for_1():  # want: ASYNC910
    for _ in "":
        await foo()


async def foo_for_2():  # now safe
    for _ in "":
        await foo()
    else:
        await foo()


async def foo_while_break_1():  # safe
    while bar():
        await foo()
        break
    else:
        await foo()


async def foo_while_break_2():  # want: ASYNC910
    while bar():
        break
    else:
        await foo()


async def foo_while_break_3():  # want: ASYNC910
    while bar():
        await foo()
        break
    else:
        ...


async def foo_while_break_4():  # want: ASYNC910
    while bar():
        break
    else:
        ...


async def foo_while_continue_1():  # safe
    while bar():
        await foo()
        continue
    else:
        await foo()


async def foo_while_continue_2():  # safe
    while bar():
        continue
    else:
        await foo()


async def foo_while_continue_3():  # want: ASYNC910
    while bar():
        await foo()
        continue
    else:
        ...


async def foo_while_continue_4():  # want: ASYNC910
    while bar():
        continue
    else:
        ...


async def foo_async_for_1():
    async for _ in bar():
        ...


async def foo_async_with():
    async with bar():
        ...


async def foo_raise_1():  # safe
    raise ValueError()


async def foo_raise_2():  # safe
    if _:
        await foo()
    else:
        raise ValueError()


async def foo_try_1():  # want: ASYNC910
    try:
        await foo()
    except ValueError:
        ...
    except:
        raise
    else:
        await foo()


async def foo_try_2():  # safe
    try:
        ...
    except ValueError:
        ...
    except:
        raise
    finally:
        await foo()


async def foo_try_3():  # safe
    try:
        await foo()
    except ValueError:
        await foo()
    except:
        raise


async def foo_try_4():  # safe
    try:
        ...
    except ValueError:
        raise
    except:
        raise
    else:
        await foo()


async def foo_try_5():  # safe
    await foo()
    try:
        pass
    except:
        pass
    else:
        pass


async def foo_try_6():  # want: ASYNC910
    try:
        pass
    except:
        pass
    else:
        pass


async def foo_try_7():  # safe
    try:
        await foo()
    except:
        await foo()
    else:
        pass


async def to_queue(iter_func, queue):
    async with iter_func() as it:
        async for x in it:
            queue.put(x)


async def to_queue2(iter_func, queue):
    try:
        async with iter_func() as it:
            async for x in it:
                queue.put(x)
    finally:
        queue.put(None)


async def try_checkpoint_empty_finally():
    try:
        await asyncio.sleep(0)
    finally:
        ...


async def try_exception_suppressed():  # want: ASYNC910
    try:
        await asyncio.sleep(0)
    except:
        ...


async def try_bare_except_reraises():
    try:
        await asyncio.sleep(0)
    except:
        raise
    finally:
        ...


async def return_in_finally_bare_except_checkpoint():
    try:
        await asyncio.sleep(0)
    except:
        await asyncio.sleep(0)
    finally:
        return


async def return_in_finally_bare_except_empty():
    try:
        await asyncio.sleep(0)
    except:
        ...
    finally:
        return  # want: ASYNC910


async def foo_return_1():
    return  # want: ASYNC910


async def foo_return_2():  # safe
    if _:
        return  # want: ASYNC910
    await foo()


async def foo_return_3():  # want: ASYNC910
    if _:
        await foo()
        return  # safe


async def foo_loop_static():
    for i in [1, 2, 3]:
        await foo()


async def foo_range_1():
    for i in range(5):
        await foo()


async def foo_range_2():
    for i in range(5, 10):
        await foo()


async def foo_range_3():
    for i in range(10, 5, -1):
        await foo()


async def foo_range_4():  # want: ASYNC910
    for i in range(10, 5):
        await foo()


async def foo_range_5():  # want: ASYNC910
    for i in range(3 - 2):
        await foo()


async def f():
    while True:
        if ...:
            await asyncio.sleep(0)
            return
        while bar():
            await foo()


async def f1():
    while True:
        if ...:
            await asyncio.sleep(0)
            return


async def f2():
    while True:
        await asyncio.sleep(0)
        return


def foo_sync():
    try:
        pass
    except:
        pass
    while True:
        if ...:
            continue
        if ...:
            break
    True and True


@pytest.fixture
async def foo_test():
    print("...")


@pytest.fixture()
async def foo_test2():
    print("...")


@pytest.fixture
async def foo_test_return():
    return


@pytest.fixture()
async def foo_test_return2():
    return


async def foo_comprehension_1():
    [... for x in range(10) if await foo()]


async def foo_comprehension_2():  # want: ASYNC910
    [await foo() for x in range(10) if bar()]


async def foo_comprehension_3():
    [... async for x in bar()]


async def await_in_gen_target():
    (print(x) for x in await foo())


async def await_everywhere_except_gen_target():  # want: ASYNC910
    (await x async for x in bar())


async def fn_226():  # want: ASYNC910
    try:
        while foo():
            try:
                await asyncio.sleep(1)
            except Exception:
                pass
    except Exception:
        pass
