# config: asl201-local-files = true  # mechanics shown with local-file sinks
import asyncio


class ProcessHandle:
    def __init__(self, pid):
        self.pid = pid
        self._status = None
        self._log = None

    def open_status(self):
        self._status = open(f"/proc/{self.pid}/status")

    def _close_status(self):
        if self._status is not None:
            self._status.close()
            self._status = None

    def open_log(self, path):
        self._log = open(path, "w")

    def _close_log(self):
        self._log.close()

    # Quiet: the status file was opened for reading; closing it does not wait.
    async def wait(self):
        await asyncio.sleep(0.1)
        self._close_status()

    # Fires: closing the log flushes what was written.
    async def finish(self):
        await asyncio.sleep(0)
        self._close_log()  # want: ASL201
