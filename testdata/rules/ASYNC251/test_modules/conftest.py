import time


async def slow_fixture():
    # Quiet: conftest.py is test code.
    time.sleep(0.01)
