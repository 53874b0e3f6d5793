import asyncio

from pipeline import settings


class Store:
    def __init__(self):
        self.rows = []
        self.lock = asyncio.Lock()

    async def save(self, row):
        # One writer at a time, as with a single database connection.
        async with self.lock:
            await asyncio.sleep(settings.STORE_TIME)
            self.rows.append(row)
