# Quiet: pytest's file name (test_*.py), in a directory that is no package.
import time


async def test_sleeps_on_purpose():
    time.sleep(0.01)
