# time.sleep(0) releases the GIL to other threads and returns at once: it
# does not hold the event loop. Code calls it on purpose to let a thread it
# just fed run. Any other delay still blocks.
import time


async def hand_over_to_thread(q, item):
    q.put(item)
    time.sleep(0)  # quiet
    time.sleep(0.0)  # quiet


async def short_pause(q, item):
    q.put(item)
    time.sleep(0.01)  # want: ASYNC251
