import asyncio

from .channels import CHANNELS
from .retry import Unavailable, retried
from .settings import LIMITS


class Dispatcher:
    def __init__(self, prefs):
        self.prefs = prefs
        self.channels = {name: cls() for name, cls in CHANNELS.items()}
        self.limits = {name: asyncio.Semaphore(LIMITS.per_channel) for name in CHANNELS}
        self.failures = {"sms": 1}

    @retried
    async def _deliver(self, channel, user, text):
        async with self.limits[channel]:
            if self.failures.get(channel, 0) > 0:
                self.failures[channel] -= 1
                await asyncio.sleep(0.01)
                raise Unavailable(channel)
            return await self.channels[channel].send(user, text)

    async def notify(self, user, text):
        wanted = self.prefs.get(user, ["email"])
        return await asyncio.gather(*(self._deliver(c, user, text) for c in wanted))
