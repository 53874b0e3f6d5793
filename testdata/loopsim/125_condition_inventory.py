# A stock room guarded by a Condition: pickers wait_for enough stock, the
# supplier delivers in lots and notify_all()s.
import asyncio


class StockRoom:
    def __init__(self):
        self.cond = asyncio.Condition()
        self.stock = 0

    async def deliver(self, amount: int):
        async with self.cond:
            self.stock += amount
            self.cond.notify_all()

    async def pick(self, amount: int, work: float):
        async with self.cond:
            await self.cond.wait_for(lambda: self.stock >= amount)
            self.stock -= amount
        await asyncio.sleep(work)


async def supplier(room: StockRoom):
    for lot in (2, 3, 5):
        await asyncio.sleep(0.07)
        await room.deliver(lot)


async def main():
    room = StockRoom()
    await asyncio.gather(
        room.pick(4, 0.05),
        room.pick(2, 0.1),
        room.pick(3, 0.02),
        supplier(room),
    )
    print("left", room.stock)


if __name__ == "__main__":
    asyncio.run(main())
