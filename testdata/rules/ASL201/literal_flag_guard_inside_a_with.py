import asyncio
import contextlib
import threading
import time

_lock = threading.Lock()
_other = threading.Lock()


# pyrate-limiter's Limiter._try_acquire: the test of the flag that sends an
# async caller away sits in the body of the `with` holding the lock; the
# blocking retry runs after the with.
def acquire(force_async=False):
    with _lock:
        if force_async:
            return False
    time.sleep(1)
    return True


def acquire_nested(force_async=False):
    with _lock:
        with _other as held:
            if not held:
                pass
            if force_async:
                return None
    time.sleep(1)
    return True


# Quiet: the literal argument makes the `if` in the with's body hold, so the
# code after the with does not run on this call.
async def acquire_async():
    await asyncio.sleep(0)
    acquire(force_async=True)


async def acquire_nested_async():
    await asyncio.sleep(0)
    acquire_nested(force_async=True)


# Reported: the flag is left at its default or is not a literal.
async def acquire_default():
    await asyncio.sleep(0)
    acquire()  # want: ASL201 "it calls blocking `time.sleep\(\)`"


async def acquire_flag(flag):
    await asyncio.sleep(0)
    acquire(force_async=flag)  # want: ASL201


# Reported: the `if` is not at the top level of the with's body, so leaving
# the with does not pass it.
def acquire_conditional(force_async=False, fast=None):
    with _lock:
        if fast:
            if force_async:
                return None
    time.sleep(1)
    return True


async def acquire_conditional_async():
    await asyncio.sleep(0)
    acquire_conditional(force_async=True)  # want: ASL201


# Reported: contextlib.suppress swallows an exception raised before the
# `if`, and the code after the with runs.
def acquire_suppressed(force_async=False, key=None):
    with contextlib.suppress(KeyError):
        del key["x"]
        if force_async:
            return None
    time.sleep(1)
    return True


async def acquire_suppressed_async():
    await asyncio.sleep(0)
    acquire_suppressed(force_async=True)  # want: ASL201
