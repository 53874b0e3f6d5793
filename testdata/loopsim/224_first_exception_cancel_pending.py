"""Health checks against several backends: stop at the first failure,
cancel the checks still running, and report which ones finished."""
import asyncio


class CheckFailed(Exception):
    pass


async def check(name, delay, ok=True):
    await asyncio.sleep(delay)
    if not ok:
        raise CheckFailed(name)
    return name


async def main():
    specs = [("db", 0.05), ("cache", 0.03), ("queue", 0.12), ("search", 0.08, False), ("blob", 0.2)]
    tasks = {asyncio.create_task(check(*s)): s[0] for s in specs}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    finished = sorted(tasks[t] for t in done if not t.exception())
    failed = [tasks[t] for t in done if t.exception()]
    # a second round retries the failed ones with a longer deadline
    try:
        async with asyncio.timeout(0.1) as cm:
            await check("search", 0.06)
            cm.reschedule(asyncio.get_running_loop().time() + 0.1)
            await check("search-replica", 0.07)
    except TimeoutError:
        failed.append("replica timeout")
    print(finished, failed)


if __name__ == "__main__":
    asyncio.run(main())
