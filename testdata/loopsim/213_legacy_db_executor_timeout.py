# A repository over a blocking legacy DB: run_in_executor on a 2-worker ThreadPoolExecutor under asyncio.timeout (it expires), then to_thread counts; the pool's shutdown waits for its jobs.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field


@dataclass
class LegacyDB:
    latency: float
    queries: list = field(default_factory=list)

    def query(self, sql: str) -> list:
        time.sleep(self.latency * (2 if sql.upper().startswith("SELECT *") else 1))
        self.queries.append(sql)
        return [sql.split()[-1]] * 3


class Repository:
    def __init__(self, db, pool):
        self.db = db
        self.pool = pool

    async def fetch(self, table):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, self.db.query, f"SELECT * FROM {table}")

    async def count(self, table):
        rows = await asyncio.to_thread(self.db.query, f"select count(*) from {table}")
        return len(rows)


async def main():
    db = LegacyDB(latency=0.02)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="db") as pool:
        repo = Repository(db, pool)
        tables = ["users", "orders", "items", "events"]
        try:
            async with asyncio.timeout(0.07):
                rows = await asyncio.gather(*(repo.fetch(t) for t in tables))
        except TimeoutError:
            rows = []
        counts = await asyncio.gather(*(repo.count(t) for t in tables))
    await asyncio.sleep(0.01 * (len(rows) + sum(counts) // 3))
    print(len(db.queries), rows, counts)


if __name__ == "__main__":
    asyncio.run(main())
