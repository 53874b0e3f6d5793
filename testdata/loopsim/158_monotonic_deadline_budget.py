# A time budget: each step gets whatever is left of an overall deadline,
# measured with time.monotonic().
import asyncio
import time

BUDGET = 0.25
STEPS = [0.06, 0.05, 0.2, 0.04]


async def step(cost: float) -> float:
    await asyncio.sleep(cost)
    return cost


async def main():
    deadline = time.monotonic() + BUDGET
    completed = []
    for cost in STEPS:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            completed.append(await asyncio.wait_for(step(cost), timeout=remaining))
        except asyncio.TimeoutError:
            print("out of budget")
            break
    print(completed)


if __name__ == "__main__":
    asyncio.run(main())
