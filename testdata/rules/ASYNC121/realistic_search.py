import asyncio
from asyncio import TaskGroup


async def probe(host: str) -> bool:
    await asyncio.sleep(0)
    return True


async def first_alive(hosts: list[str]) -> str | None:
    async with TaskGroup() as tg:
        for host in hosts:
            if host.startswith("#"):
                continue
            if host == "localhost":
                return host  # want: ASYNC121
            tg.create_task(probe(host))
    return None


async def per_batch(batches: list[list[str]]) -> None:
    for batch in batches:
        async with asyncio.TaskGroup() as tg:
            if not batch:
                break  # want: ASYNC121
            for host in batch:
                tg.create_task(probe(host))


async def fine(hosts: list[str]) -> list[bool]:
    # Quiet: return after the group has finished.
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(probe(h)) for h in hosts]
    return [t.result() for t in tasks]


async def nested_def(hosts: list[str]) -> None:
    # Quiet: the return belongs to a nested function.
    async with asyncio.TaskGroup() as tg:
        async def run(h: str) -> bool:
            return await probe(h)

        for h in hosts:
            tg.create_task(run(h))
