# With blocking-in-tests = true, test modules are checked like any other.
import time


async def test_handle():
    time.sleep(0.01)  # want: ASYNC251
