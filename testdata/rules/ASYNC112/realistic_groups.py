import asyncio
from asyncio import TaskGroup


async def crawl(url: str) -> None:
    await asyncio.sleep(0)


async def single_aliased(url: str) -> None:
    async with TaskGroup() as group:  # want: ASYNC112
        group.create_task(crawl(url))


async def loop_of_tasks(urls: list[str]) -> None:
    # Quiet: many tasks from one statement.
    async with TaskGroup() as group:
        for url in urls:
            group.create_task(crawl(url))


async def comprehension(urls: list[str]) -> list:
    # Quiet: several tasks, results kept.
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(crawl(u)) for u in urls]
    return [t.result() for t in tasks]


async def with_other_work(url: str) -> None:
    # Quiet: the body does work alongside the task.
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl(url))
        await crawl(url + "/robots.txt")
