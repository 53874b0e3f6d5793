import time


def finish(loop, fut, value):
    fut.set_result(value)  # want: ASL106


def crunch(loop, fut):
    time.sleep(0.1)
    finish(loop, fut, 42)


def report(loop, fut):
    # Quiet: this one is only ever called on the loop's thread.
    fut.set_result(None)


def safe(loop, fut):
    loop.call_soon_threadsafe(fut.set_result, 1)
