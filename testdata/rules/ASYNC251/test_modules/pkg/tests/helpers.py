# Quiet: a module of a test package (pkg.tests): by default, blocking calls
# in test code are not reported (README "Test modules").
import time


async def let_the_thread_run():
    time.sleep(0.01)
