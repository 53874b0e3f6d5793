import time

from pkg.server import handle


async def test_handle():
    # Quiet: a test module; the loop is the test's own.
    time.sleep(0.01)
    assert await handle(1) == 1
