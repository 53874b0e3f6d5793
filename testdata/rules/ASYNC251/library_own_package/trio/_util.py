# A module of trio's own package that imports neither trio nor asyncio is
# written for trio: the advice names trio.sleep.
import time


async def settle():
    time.sleep(0.1)  # want: ASYNC251 "use `await trio\.sleep\(\.\.\.\)`$"
