# Coroutine factories built by closures, registered in a dict of tasks,
# done-callbacks collecting results, and gather over dict values.
import asyncio
import logging

logging.basicConfig(level=logging.WARNING)
log = logging.getLogger(__name__)


def make_job(name: str, delay: float):
    async def job() -> str:
        log.info("starting %s", name)
        await asyncio.sleep(delay)
        return name
    return job


async def main():
    finished: list[str] = []
    specs = {"alpha": 0.05, "beta": 0.12, "gamma": 0.08}
    tasks = {}
    for name, delay in specs.items():
        task = asyncio.create_task(make_job(name, delay)(), name=name)
        task.add_done_callback(lambda t: finished.append(t.get_name()))
        tasks[name] = task
    await asyncio.gather(*tasks.values())
    slowest = sorted(specs.items(), key=lambda kv: kv[1], reverse=True)[0][0]
    await asyncio.sleep(specs[slowest] / 2)
    print(finished)


if __name__ == "__main__":
    asyncio.run(main())
