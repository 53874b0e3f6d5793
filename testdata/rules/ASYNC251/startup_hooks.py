# A sleep in a start-up handler before its first await delays only the
# start-up: the server serves after it (ASL202's startup_hooks_*.py). After
# the first await, it is reported.
import asyncio
import time

from quart import Quart

app = Quart(__name__)


@app.before_serving
async def wait_for_database():
    time.sleep(2)  # quiet: before Quart serves, nothing else on the loop
    await asyncio.sleep(0)
    time.sleep(2)  # want: ASYNC251


@app.after_serving
async def linger():
    time.sleep(1)  # want: ASYNC251
