# Quiet: a module of the project's tests/ directory (no package; pytest puts
# it on sys.path beside conftest.py): test code.
import time


async def let_the_thread_run():
    time.sleep(0.01)
