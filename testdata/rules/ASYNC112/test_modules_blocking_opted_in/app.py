# The project's own code beside its tests is checked as everywhere.
import asyncio


async def work():
    pass


async def main():
    async with asyncio.TaskGroup() as tg:  # want: ASYNC112
        tg.create_task(work())
