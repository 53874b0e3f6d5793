import asyncio


class Client:
    def __init__(self, client):
        self._client = client

    # Quiet: each test of the condition runs the client's housekeeping; the
    # sleep paces that work, it waits for no flag an Event could signal.
    async def _misc_loop(self):
        while self._client.loop_misc() == 0:
            await asyncio.sleep(1)

    async def _pump(self):
        while await self._client.flush():
            await asyncio.sleep(0.5)

    async def _events(self):
        while self._client.processEvents():
            await asyncio.sleep(0.1)

    # Fires: the condition only asks a question; the loop waits for it.
    async def wait_connected(self):
        while not self._client.is_connected():  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_drained(self, queue):
        while not queue.empty():  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_state(self):
        while self._client.state() == "connecting":  # want: ASYNC110
            await asyncio.sleep(0.1)

    # Fires: a verb followed by a state word asks about the work.
    async def wait_synced(self):
        while not self._client.sync_done():  # want: ASYNC110
            await asyncio.sleep(0.1)

    async def wait_updates(self):
        while self._client.updatePending():  # want: ASYNC110
            await asyncio.sleep(0.1)
