# A synchronous function that returns a coroutine only while a loop runs, and
# otherwise runs it to completion itself, does its work when called from sync
# code; from async code its call is still a coroutine to await.
import asyncio


class Client:
    def __init__(self):
        self.loop = asyncio.new_event_loop()

    async def _disconnect_coro(self):
        await asyncio.sleep(0)

    def disconnect(self):
        if self.loop.is_running():
            return self._disconnect_coro()
        else:
            self.loop.run_until_complete(self._disconnect_coro())

    def close(self):
        return self._disconnect_coro()

    def run(self):
        try:
            self.loop.run_forever()
        finally:
            self.disconnect()  # quiet: no loop runs here, disconnect() runs it itself

    def run2(self):
        self.close()  # want: ASL102

    async def stop(self):
        self.disconnect()  # want: ASL102
