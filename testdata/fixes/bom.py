# fix: ASYNC251
import time


async def f():
    time.sleep(1)
