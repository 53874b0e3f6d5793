import asyncio


async def test_waits():
    # Quiet: ASL202 and ASL201 do not check test modules by default (README
    # "Test modules"), so their noqa codes are not judged, as for a rule not
    # selected (with blocking-in-tests = true they would silence nothing).
    await asyncio.sleep(0)  # noqa: ASL202
    await asyncio.sleep(0)  # noqa: ASL201
    await asyncio.sleep(0)  # noqa: ASL102  # want: ASL100
