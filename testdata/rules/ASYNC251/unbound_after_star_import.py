# Deliberate difference from flake8-async: after a star import an unbound
# name may be anything the star import binds, so it is not read as a module.
from helpers import *


async def tick():
    time.sleep(1)  # quiet: `time` may come from helpers


async def pause():
    import time

    time.sleep(1)  # want: ASYNC251
