# Results keyed by name: dict(zip(names, await gather(...))), then a second
# phase whose delay depends on the collected values.
import asyncio

SERVICES = {"auth": 0.03, "billing": 0.09, "search": 0.06}


async def health(name: str) -> float:
    await asyncio.sleep(SERVICES[name])
    return SERVICES[name]


async def main():
    names = sorted(SERVICES)
    report = dict(zip(names, await asyncio.gather(*map(health, names))))
    slowest = max(report, key=report.get)
    await asyncio.sleep(report[slowest])  # re-check the slowest
    print(slowest)


if __name__ == "__main__":
    asyncio.run(main())
