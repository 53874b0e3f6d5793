# This copy of pkg blocks in fetch; b's copy blocks in load instead. Each
# copy's callers must see their own copy's functions.
import time


def fetch(key):
    time.sleep(0.5)
    return key


def load(key):
    return key
