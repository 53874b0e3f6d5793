import queue
import threading
import unittest

import pytest

_results = queue.Queue()
_loop_thread = threading.local()


def run_from_worker(fn):
    """Runs fn on the event loop and waits for its result; worker threads only."""
    if getattr(_loop_thread, "is_loop", False):
        raise RuntimeError("run_from_worker() called from the event loop thread")
    return _results.get()


# Quiet: the test expects the call to raise at the guard, before it blocks.
async def test_rejects_loop_thread():
    _loop_thread.is_loop = True
    with pytest.raises(RuntimeError):
        run_from_worker(lambda: None)


class WorkerTests(unittest.IsolatedAsyncioTestCase):
    async def test_rejects_loop_thread(self):
        with self.assertRaises(RuntimeError):
            run_from_worker(print)


# Fires: outside the expected-failure block the helper's get() blocks the loop.
async def test_runs_on_worker():
    with pytest.raises(RuntimeError):
        run_from_worker(print)
    assert run_from_worker(lambda: 1) == 1  # want: ASL201
