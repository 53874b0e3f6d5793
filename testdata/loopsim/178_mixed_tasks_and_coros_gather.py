# gather over a mix of pre-created tasks and bare coroutines; the tasks
# started earlier, so they finish earlier.
import asyncio


async def step(name: str, delay: float) -> str:
    await asyncio.sleep(delay)
    return name


async def main():
    early = [asyncio.create_task(step(f"t{i}", 0.1)) for i in range(3)]
    await asyncio.sleep(0.06)
    results = await asyncio.gather(*early, step("late", 0.1), step("later", 0.12))
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
