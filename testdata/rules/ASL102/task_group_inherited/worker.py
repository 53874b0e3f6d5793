# The task group is assigned two bases up, in another module, after a
# first base without it: its call_soon still takes a coroutine function.
from node import ServerNode
from state import BaseWorker


class Worker(BaseWorker, ServerNode):
    async def _connect(self):
        pass

    def start(self):
        self._background.call_soon(self._connect)
        self._callbacks.call_soon(self._connect)  # want: ASL102
