import time


def crunch(loop, fut):
    time.sleep(0.1)
    fut.set_result(42)
