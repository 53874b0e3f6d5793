# A connection class whose __aenter__ connects and __aexit__ closes (both
# await); queries inside run concurrently.
import asyncio


class Connection:
    connect_cost = 0.05
    close_cost = 0.02

    def __init__(self, dsn: str):
        self.dsn = dsn
        self.open = False

    async def __aenter__(self):
        await asyncio.sleep(self.connect_cost)
        self.open = True
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(self.close_cost)
        self.open = False
        return False

    async def query(self, sql: str, cost: float = 0.03):
        await asyncio.sleep(cost)
        return sql


async def main():
    async with Connection("db://primary") as conn:
        rows = await asyncio.gather(conn.query("a"), conn.query("b", 0.07), conn.query("c"))
    async with Connection("db://replica") as replica:
        await replica.query("d")
    print(rows)


if __name__ == "__main__":
    asyncio.run(main())
