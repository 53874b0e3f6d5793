# The other copy of pkg: fetch is harmless here, load blocks.
import time


def fetch(key):
    return key


def load(key):
    time.sleep(0.5)
    return key
