import asyncio


async def fetch(site):
    await asyncio.sleep(0)
    return site


async def check(result, label):
    print(label, await result)


class Searcher:
    def __init__(self, sites):
        self.sites = sites

    async def search(self):
        coros = []
        for site in self.sites:
            coros.append(fetch(site))
        return await self._wait_all(coros)

    async def _wait_all(self, coros, timeout=None):
        done, pending = await asyncio.wait(coros, timeout=timeout)  # want: ASL104
        return done

    async def self_test(self):
        checks = []
        for site in self.sites:
            f = asyncio.ensure_future(fetch(site))
            f = check(f, site)
            checks.append(f)
        await asyncio.wait(checks)  # want: ASL104


async def appended_in_place(sites):
    pending = list()
    for site in sites:
        pending.append(fetch(site))
    await asyncio.wait(pending)  # want: ASL104


# Quiet: tasks are appended, the helper's callers pass tasks, the name's
# nearest assignment before the append is a task.
class TaskSearcher:
    def __init__(self, sites):
        self.sites = sites

    async def search(self):
        tasks = []
        for site in self.sites:
            tasks.append(asyncio.create_task(fetch(site)))
        return await self._wait_all(tasks)

    async def _wait_all(self, tasks, timeout=None):
        done, _ = await asyncio.wait(tasks, timeout=timeout)
        return done

    async def self_test(self):
        checks = []
        for site in self.sites:
            f = check(fetch(site), site)
            f = asyncio.create_task(f)
            checks.append(f)
        await asyncio.wait(checks)


async def wrapped_before_waiting(sites):
    coros = []
    for site in sites:
        coros.append(fetch(site))
    tasks = [asyncio.create_task(c) for c in coros]
    await asyncio.wait(tasks)


async def helper_given_tasks_by_keyword(searcher, sites):
    await searcher._wait_all(tasks=[asyncio.create_task(fetch(s)) for s in sites])
