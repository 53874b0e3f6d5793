import asyncio


async def save():
    pass


async def fires():
    await asyncio.sleep(1)  # noqa: ASL102  # want: ASL100 "`ASL102` silences nothing on this line"
    await save()  # noqa: ASL1O2  # want: ASL100
    save()  # noqa: ASL102, ASL999  # want: ASL100
    x = 1  # noqa: asl7  # want: ASL100
    return x


async def quiet():
    save()  # noqa: ASL102
    save()  # noqa: ASL1
    save()  # noqa
    await asyncio.sleep(0)  # noqa: ASYNC251
    await asyncio.sleep(0)  # noqa: E501, F401
    await asyncio.sleep(0)  # noqa: ASL100, ASL999
    await asyncio.sleep(0)  # a comment that mentions ASL102 but is no directive


async def quiet_logical_line():
    save(
        1,
    )  # noqa: ASL102
