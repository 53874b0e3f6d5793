# The subclass in another module inherits the attributes: the task group's
# call_soon takes a coroutine function, the registry's does not.
from core import Server


class Nanny(Server):
    async def _log_event(self, topic, msg):
        await self._send(topic, msg)

    async def _send(self, topic, msg):
        pass

    def log_event(self, topic, msg):
        self._background.call_soon(self._log_event, topic, msg)
        self._callbacks.call_soon(self._log_event, topic, msg)  # want: ASL102
