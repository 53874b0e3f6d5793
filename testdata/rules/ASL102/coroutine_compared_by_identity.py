import asyncio

from anyio import create_task_group


async def fetch():
    await asyncio.sleep(0)
    return 1


async def compared_with_a_constant():
    result = fetch()  # want: ASL102 "compared \(`is`\) as if it were its result"
    if result is True:
        return 1
    return 0


async def compared_with_another_object(expected):
    result = fetch()  # want: ASL102 "compared \(`is not`\) as if it were its result"
    if result is not expected:
        return 1
    return 0


async def compared_by_value_though_scheduled():
    coro = fetch()  # want: ASL102 "compared \(`==`\) as if it were its result"
    task = asyncio.ensure_future(coro)
    await task
    return coro == 1


# Quiet: the coroutine is scheduled, and the identity test asks whether the
# task runs that very object.
async def test_task_holds_the_coroutine():
    coro = fetch()
    task = asyncio.create_task(coro)
    assert task.get_coro() is coro
    await task


async def test_task_group_handle_holds_the_coroutine():
    coro = fetch()
    async with create_task_group() as tg:
        handle = tg.create_task(coro)
        assert handle.coro is coro
