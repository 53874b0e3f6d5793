# An account whose balance update holds a lock across an await: the
# transfers serialise even though they were gathered.
import asyncio


class Account:
    def __init__(self, balance: int):
        self.balance = balance
        self._lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        async with self._lock:
            current = self.balance
            await asyncio.sleep(0.03)  # round-trip to the ledger
            self.balance = current + amount

    async def audit(self) -> int:
        await asyncio.sleep(0.05)
        return self.balance


async def main():
    acct = Account(100)
    await asyncio.gather(*(acct.deposit(a) for a in (10, 20, 30, 40, 50)), acct.audit())
    print(acct.balance)


if __name__ == "__main__":
    asyncio.run(main())
