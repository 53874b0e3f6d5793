# Code generated from a synchronous twin may keep the twin's lines under a
# module-level flag bound once to a literal (pymongo's asynchronous modules:
# `_IS_SYNC = False`, `if _IS_SYNC:` around the sync call). The branch the
# constant rules out never runs; a flag that is rebound, a local of the same
# name, or an `or` with another condition is not a constant guard.
_IS_SYNC = False
_DEBUG = False
_DEBUG = True


class Topology:
    async def open(self):
        pass


class Client:
    def __init__(self, connect):
        self._topology = Topology()
        if _IS_SYNC and connect:
            self._topology.open()  # quiet: _IS_SYNC is False in this module
        if not _IS_SYNC:
            pass
        else:
            self._topology.open()  # quiet: the else of `if not _IS_SYNC:`
        if _DEBUG:
            self._topology.open()  # want: ASL102
        if _IS_SYNC or connect:
            self._topology.open()  # want: ASL102

    def shadowed(self):
        _IS_SYNC = True
        if _IS_SYNC:
            self._topology.open()  # want: ASL102


class Executor:
    """A coroutine function handed to a thread under the same guard: the
    sync twin's `Thread(target=self._run)` never runs in the async module."""

    async def _run(self):
        pass

    def _run_async(self):
        pass

    def open(self):
        import threading

        if _IS_SYNC:
            thread = threading.Thread(target=self._run)  # quiet: _IS_SYNC is False
        else:
            thread = threading.Thread(target=self._run_async)
        thread.start()
        if _DEBUG:
            threading.Thread(target=self._run).start()  # want: ASL102
