from concurrent.futures import Future
from threading import Thread

from backends.common import ReplyMatcher


class ThreadedRouter:
    def __init__(self, conn):
        self.conn = conn
        self._replies = ReplyMatcher()
        self._thread = Thread(target=self._receiver, daemon=True)
        self._thread.start()

    def send(self, serial, msg):
        fut = self._replies.catch(serial, Future())
        self.conn.send(msg)
        return fut.result()

    def _receiver(self):
        while True:
            serial, msg = self.conn.receive()
            self._replies.dispatch(serial, msg)
