# Health checks run in a TaskGroup; failing checks raise custom errors and
# the caller sorts them out with except*, reading attributes of each member.
import asyncio


class CheckFailed(Exception):
    def __init__(self, service, after):
        super().__init__(service)
        self.service = service
        self.after = after


class CheckTimeout(Exception):
    pass


SERVICES = {"db": (0.03, True), "cache": (0.01, False), "queue": (0.05, True), "search": (0.02, None)}


async def check(name, delay, healthy):
    await asyncio.sleep(delay)
    if healthy is None:
        raise CheckTimeout(name)
    if not healthy:
        raise CheckFailed(name, delay)
    return name


async def main():
    failed, timed_out = [], []
    try:
        async with asyncio.TaskGroup() as tg:
            for name, (delay, healthy) in SERVICES.items():
                tg.create_task(check(name, delay, healthy))
    except* CheckFailed as eg:
        for e in eg.exceptions:
            failed.append((e.service, e.after))
    except* CheckTimeout as eg:
        timed_out.extend(str(e) for e in eg.exceptions)
    # recovery time depends on which checks failed
    for service, after in failed:
        await asyncio.sleep(after * 2)
    await asyncio.sleep(0.015 * len(timed_out))
    print(failed, timed_out)


if __name__ == "__main__":
    asyncio.run(main())
