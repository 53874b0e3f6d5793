# asyncio used without an import (a snippet): taken at face value.
async def no_import():
    async with asyncio.timeout(1):  # want: ASYNC100
        work()


def shadowed(asyncio):
    async def inner():
        async with asyncio.timeout(1):
            work()

    return inner


def work():
    pass
