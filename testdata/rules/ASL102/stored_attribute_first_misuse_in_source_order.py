# The message names the first misuse in source order, whatever order the
# class's methods are held in (it once depended on map iteration and
# changed from run to run).
import asyncio


async def connect(host):
    await asyncio.sleep(0)
    return host


class Store:
    def __init__(self, host):
        self._client = connect(host)  # want: ASL102 "its method `alpha"

    def a(self):
        return self._client.alpha()

    def b(self):
        return self._client.beta()

    def c(self):
        return self._client.gamma()

    def d(self):
        return self._client.delta()
