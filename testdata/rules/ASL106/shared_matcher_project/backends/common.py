# A reply matcher shared by two backends (jeepney's ReplyMatcher): each
# backend stores futures of its own kind and dispatches replies to them.


class ReplyMatcher:
    def __init__(self):
        self._futures = {}

    def catch(self, serial, future):
        self._futures[serial] = future
        return future

    def dispatch(self, serial, msg):
        if serial in self._futures:
            # Quiet: the thread that calls this (threaded.py's receiver)
            # was started by a module that makes only concurrent futures.
            self._futures.pop(serial).set_result(msg)
            return True
        return False


class Notifier:
    def __init__(self):
        self._waiters = []

    def wait(self, future):
        self._waiters.append(future)

    def notify_all(self, value):
        for fut in self._waiters:
            fut.set_result(value)  # want: ASL106
