# Lock-step simulation: each agent computes a step (different durations) and
# waits at a Barrier so all start the next step together.
import asyncio

COSTS = {"alice": [0.03, 0.05, 0.02], "bob": [0.06, 0.01, 0.04], "carol": [0.02, 0.02, 0.07]}


async def agent(name: str, barrier: asyncio.Barrier) -> None:
    for cost in COSTS[name]:
        await asyncio.sleep(cost)
        await barrier.wait()


async def main():
    barrier = asyncio.Barrier(len(COSTS))
    async with asyncio.TaskGroup() as tg:
        for name in COSTS:
            tg.create_task(agent(name, barrier))


if __name__ == "__main__":
    asyncio.run(main())
