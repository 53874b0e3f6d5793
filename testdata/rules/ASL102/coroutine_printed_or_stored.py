import asyncio
from collections.abc import Awaitable


async def get_data():
    await asyncio.sleep(1)
    return 42


async def main():
    print(get_data())  # want: ASL102
    result = get_data()  # want: ASL102
    print(result)
    value = get_data()
    print(await value)
    print(await get_data())
    # isinstance against int: no coroutine object passes, so the branch
    # never sees it and nothing awaits it.
    other = get_data()  # want: ASL102 "stored in `other` and tested with `isinstance\(\.\.\., int\)`, which a coroutine object never passes"
    if isinstance(other, int):
        return other
    return None


async def kinds_told_apart():
    # Quiet: the test is against a class an awaitable may be.
    result = get_data()
    if isinstance(result, Awaitable):
        result = await result
    return result


async def awaited_on_the_other_path():
    # Quiet: awaited where the test fails.
    result = get_data()
    if isinstance(result, (dict, list)):
        return result
    return await result


async def project_class_test():
    # Quiet: a class of the project's own may be awaitable.
    result = get_data()
    if isinstance(result, Reply):
        return result.text
    return None


class Reply:
    text = ""

    def __await__(self):
        yield
