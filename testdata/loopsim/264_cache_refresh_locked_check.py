# A cache with two refreshers (the database and the API) that wake on the
# same period; a refresher that finds the refresh lock held skips its turn
# instead of queueing. Their first wake-ups fall within a microsecond, but
# both timers were set in the same loop iteration, so they always fire in
# the order they were set: no race (the quiet side of testdata/loopsim/races/).
import asyncio

REFRESH_COST = {"db": 0.030, "api": 0.070}


async def refresher(source: str, period: float, lock: asyncio.Lock, log: list) -> None:
    for _ in range(3):
        await asyncio.sleep(period)
        if lock.locked():
            log.append((source, "skipped"))
            continue
        async with lock:
            await asyncio.sleep(REFRESH_COST[source])
            log.append((source, "refreshed"))


async def main():
    lock = asyncio.Lock()
    log: list = []
    await asyncio.gather(refresher("db", 0.05, lock, log), refresher("api", 0.05, lock, log))
    print(log)


if __name__ == "__main__":
    asyncio.run(main())
