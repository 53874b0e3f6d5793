from queue import Queue


class Server:
    def __init__(self):
        self.publish_queue = Queue()  # unbounded: put() never waits
        self.bounded = Queue(maxsize=10)
