import asyncio


class OrderRepo:
    async def save(self, order):
        await asyncio.sleep(0)

    async def count(self):
        await asyncio.sleep(0)
        return 0
