import asyncio

import aiohttp


async def fetch(name, delay=0.2):
    await asyncio.sleep(delay)
    return name


async def save(conn, row):
    await conn.execute(row)


async def sequential():
    a = await fetch("a")  # want: ASL401 "^2 independent awaits run one after another: ≈0\.40 s now, ≈0\.20 s with asyncio\.gather"
    b = await fetch("b")
    return a, b


async def three_bare():
    await fetch("a", 0.1)  # want: ASL401
    await fetch("b", 0.1)
    await fetch("c", 0.1)


async def dependent():
    a = await fetch("a")
    b = await fetch(a)
    return b


async def tiny():
    # 10 ms saved: below the default 20 ms threshold
    await fetch("a", 0.01)
    await fetch("b", 0.01)


async def deliberate_pacing():
    await asyncio.sleep(0.5)
    await asyncio.sleep(0.5)


async def same_connection(conn):
    await conn.execute("a")
    await conn.execute("b")


async def shared_lock(lock):
    await lock.acquire()
    await fetch("x")


async def http(session: aiohttp.ClientSession):
    r1 = await session.get("https://example.com/a")  # want: ASL401
    r2 = await session.get("https://example.com/b")
    return r1, r2


async def loop_over_constants():
    results = []
    for name in ["a", "b", "c", "d"]:
        results.append(await fetch(name))  # want: ASL401
    return results


async def loop_unknown(names):
    for name in names:
        await fetch(name)  # want: ASL401


async def loop_dependent():
    total = 0
    for name in ["a", "b"]:
        total += len(await fetch(name))
    return total


async def queue_consumer(queue):
    first = await queue.get()
    second = await queue.get()
    return first, second


async def serialised(lock):
    async with lock:
        await fetch("a")
        await fetch("b")


async def under_semaphore(sem):
    async with sem:
        for name in ["a", "b", "c"]:
            await fetch(name)


class JobsDB:
    def finished(self):
        return [1, 2, 3]

    def delete(self, job):
        pass


async def finish_job(session, job, jobs):
    await session.post("https://example.com/jobs", data=job)
    jobs.delete(job)


async def finish_all(session: aiohttp.ClientSession, jobs: JobsDB):
    # each call is handed the jobs database the loop reads the finished jobs
    # from, and deletes from it: the calls are not independent
    for job in jobs.finished():
        await finish_job(session, job, jobs)


async def drain(session: aiohttp.ClientSession, pending: list):
    for job in pending:
        await finish_job(session, job, jobs=pending)


async def finish_others(session: aiohttp.ClientSession, jobs: JobsDB, other: JobsDB):
    # handed another object than the one iterated: independent as far as the
    # loop shows
    for job in jobs.finished():
        await finish_job(session, job, other)  # want: ASL401
