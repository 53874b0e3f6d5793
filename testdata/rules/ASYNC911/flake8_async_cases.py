# Cases from flake8-async's eval_files/async911.py, with asyncio.
from typing import Any

import pytest
import asyncio

_: Any = ""


async def foo() -> Any:
    await asyncio.sleep(0)


def bar(*args) -> Any: ...


def condition() -> Any: ...


async def foo_yield_1():
    await asyncio.sleep(0)
    yield 5
    await asyncio.sleep(0)


async def foo_yield_2():
    yield  # want: ASYNC911
    yield  # want: ASYNC911
    await asyncio.sleep(0)


async def foo_yield_3():  # want: ASYNC911
    await asyncio.sleep(0)
    yield


async def foo_yield_4():  # want: ASYNC911
    yield  # want: ASYNC911
    await (yield)  # want: ASYNC911
    yield  # safe


async def foo_yield_return_1():
    yield  # want: ASYNC911
    return  # want: ASYNC911


async def foo_yield_return_2():
    await asyncio.sleep(0)
    yield
    return  # want: ASYNC911


async def foo_yield_return_3():
    await asyncio.sleep(0)
    yield
    await asyncio.sleep(0)
    return


async def foo_async_with():
    async with asyncio.timeout(5):
        yield


async def foo_async_with_3():
    async with asyncio.timeout(5):
        yield
        yield  # want: ASYNC911


async def foo_async_for():  # want: ASYNC911
    async for i in bar():
        yield  # safe
    else:
        yield  # safe


async def foo_async_for_2():  # want: ASYNC911
    async for i in bar():
        yield
        if condition():
            break


async def foo_async_for_3():  # safe
    async for i in bar():
        yield


async def foo_async_for_4():  # safe
    async for i in bar():
        yield
        continue


async def foo_for():  # want: ASYNC911
    await asyncio.sleep(0)
    for i in "":
        yield  # want: ASYNC911


async def foo_for_1():  # want: ASYNC911
    for _ in "":
        await asyncio.sleep(0)
        yield


async def foo_while_1():  # want: ASYNC911
    while foo():
        ...
    else:
        await asyncio.sleep(0)  # will always run
    yield  # safe


async def foo_while_2():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield  # want: ASYNC911


async def foo_while_3():  # want: ASYNC911
    while foo():
        await asyncio.sleep(0)
        yield
    else:
        yield  # want: ASYNC911


async def foo_while_4():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield  # want: ASYNC911
        while foo():
            yield  # want: ASYNC911
            while foo():
                yield  # want: ASYNC911


async def foo_while_5():
    await asyncio.sleep(0)
    while foo():
        yield  # want: ASYNC911

        async def foo_nested_error():  # want: ASYNC911
            yield  # want: ASYNC911

    await asyncio.sleep(0)


async def foo_while_continue_1():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield  # want: ASYNC911
        if condition():
            continue
        await asyncio.sleep(0)


async def foo_while_continue_2():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield  # want: ASYNC911
        if foo():
            continue
        await asyncio.sleep(0)
        if condition():
            continue
        while foo():
            yield  # safe
            await asyncio.sleep(0)


async def foo_while_break_1():  # want: ASYNC911
    while foo():
        if condition():
            break
    else:
        await asyncio.sleep(0)
    yield  # want: ASYNC911


async def foo_while_break_2():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield  # safe
        if condition():
            break
        await asyncio.sleep(0)


async def foo_while_break_3():  # want: ASYNC911
    while foo():
        await asyncio.sleep(0)
        if condition():
            break  # if it breaks, have checkpointed
    else:
        await asyncio.sleep(0)  # runs if 0-iter
    yield  # safe


async def foo_while_break_4():  # want: ASYNC911
    while foo():
        if condition():
            break
        await asyncio.sleep(0)  # might not run
    else:
        await asyncio.sleep(0)  # might not run
    yield  # want: ASYNC911


async def foo_while_break_5():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield
        if condition():
            break
        await asyncio.sleep(0)
        while foo():
            yield  # safe
            await asyncio.sleep(0)
        yield  # safe
        await asyncio.sleep(0)
    yield  # want: ASYNC911


async def foo_while_break_6():  # want: ASYNC911
    await asyncio.sleep(0)
    while foo():
        yield
        if condition():
            break
        await asyncio.sleep(0)
        yield
        await asyncio.sleep(0)
        if condition():
            break
    yield  # want: ASYNC911


async def foo_while_break_7():  # want: ASYNC911
    while foo():
        await asyncio.sleep(0)
        if condition():
            break
        yield
        break


async def foo_while_endless_1():
    while True:
        await asyncio.sleep(0)
        yield


async def foo_while_endless_2():  # want: ASYNC911
    while foo():
        await asyncio.sleep(0)
        yield


async def foo_while_endless_3():
    while True:
        ...
    yield  # type: ignore[unreachable]
    await asyncio.sleep(0)


async def foo_while_endless_4():
    await asyncio.sleep(0)
    while True:
        yield
        while True:
            await asyncio.sleep(0)
            yield


async def foo_try_1():  # want: ASYNC911
    try:
        yield  # want: ASYNC911
    except:
        pass


async def foo_try_2():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except ValueError:
        yield  # want: ASYNC911
    except:
        await asyncio.sleep(0)
    else:
        pass


async def foo_try_3():  # want: ASYNC911
    try:
        ...
    except:
        await asyncio.sleep(0)
    else:
        yield  # want: ASYNC911


async def foo_try_4():  # safe
    try:
        ...
    except:
        yield  # want: ASYNC911
    finally:
        await asyncio.sleep(0)


async def foo_try_5():
    try:
        await asyncio.sleep(0)
    finally:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def foo_try_6():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except ValueError:
        pass
    yield  # want: ASYNC911


async def foo_try_7():  # want: ASYNC911
    await asyncio.sleep(0)
    try:
        yield
        await asyncio.sleep(0)
    except ValueError:
        await asyncio.sleep(0)
        yield
        await asyncio.sleep(0)
    except SyntaxError:
        yield  # want: ASYNC911
        await asyncio.sleep(0)
    finally:
        pass
    yield  # safe


async def foo_try_8a():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
        yield
    except ValueError:
        ...
    except:
        raise
    else:
        await asyncio.sleep(0)


async def foo_try_9():  # want: ASYNC911
    try:
        await asyncio.sleep(0)
    except:
        await asyncio.sleep(0)
    else:
        yield


async def foo_try_10():
    try:
        await asyncio.sleep(0)
    except:
        await asyncio.sleep(0)
    finally:
        yield
        await asyncio.sleep(0)


async def foo_try_10_exception():
    try:
        await asyncio.sleep(0)
    except ValueError:
        await asyncio.sleep(0)
    finally:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def foo_if_1():
    if condition():
        yield  # want: ASYNC911
        await asyncio.sleep(0)
    else:
        yield  # want: ASYNC911
        await asyncio.sleep(0)


async def foo_if_2():  # want: ASYNC911
    await asyncio.sleep(0)
    if condition():
        ...
    else:
        yield
    yield  # want: ASYNC911


async def foo_if_7():  # want: ASYNC911
    if condition():
        await asyncio.sleep(0)
        yield
        await asyncio.sleep(0)


async def foo_ifexp_1():  # want: ASYNC911
    print((yield) if await foo() else (yield))
