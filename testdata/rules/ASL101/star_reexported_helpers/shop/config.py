import time


def load():
    time.sleep(0.2)
    return {"debug": True}
