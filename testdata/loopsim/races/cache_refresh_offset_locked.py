# race: a periodic and a scheduled refresher meet at the lock, one skips
# A cache refreshed by the database every 50 ms and by the API on its own
# 130 ms schedule; a refresher that finds the refresh lock held skips its
# turn. At 0.13 s the database's second wake-up and the API's first fall
# within a millisecond of each other: whoever checks second skips. Their
# deadlines are 0.47 ms apart, and in 110 runs on the recording machine
# (load 7) the API always won (0.20 s; the other order ends at 0.16 s):
# the 1 ms window is cautious, since the noise depends on the machine.
import asyncio

REFRESH_COST = {"db": 0.030, "api": 0.070}


async def refresher(source: str, period: float, rounds: int, lock: asyncio.Lock, log: list) -> None:
    for _ in range(rounds):
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
    await asyncio.gather(refresher("db", 0.05, 2, lock, log), refresher("api", 0.13, 1, lock, log))
    print(log)


if __name__ == "__main__":
    asyncio.run(main())
