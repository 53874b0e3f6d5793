# upstream: tests/eval_files/async251.py @ 112e8929739b36d641a027d283f682573fc52575
# codes: ASYNC251
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
import time
from time import sleep


async def pause(flag):
    time.sleep(1)  # want: ASYNC251
    time.sleep(1) if flag else time.sleep(2)  # want: ASYNC251, ASYNC251
    sleep(1)  # extra: ASYNC251 -- `from time import sleep` is followed (upstream: not handled)


def sync_pause():
    time.sleep(1)
