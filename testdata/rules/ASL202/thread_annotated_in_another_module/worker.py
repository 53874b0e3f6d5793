# The thread attribute is annotated where it starts as None; the thread is
# made in start().
import queue
import threading
from typing import Optional


class Worker:
    def __init__(self):
        self.queue = queue.Queue()
        self.thread: Optional[threading.Thread] = None

    def work(self):
        while self.queue.get() is not None:
            pass

    def start(self):
        self.thread = threading.Thread(target=self.work)
        self.thread.start()
