# put() on a thread queue.Queue made without maxsize never waits, however the
# attribute is written: an annotated assignment (`self.pending: Queue =
# Queue()` after `from queue import Queue`) keeps its constructor call; the
# bare spelling `Queue()` names asyncio's queue only where asyncio is what was
# imported under that name.
from queue import Queue


class Approvals:
    def __init__(self) -> None:
        self.pending: Queue = Queue()
        self.limited: Queue = Queue(maxsize=10)

    async def approve(self, item) -> None:
        self.pending.put(item)
        self.limited.put(item)  # want: ASL202 "`self\.limited\.put\(\)` \(queue\.Queue\.put\) blocks the event loop"
