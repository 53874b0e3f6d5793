# First pass with return_exceptions=True, then retry only the failures.
import asyncio

failures_left = {"b": 1, "d": 2}


async def upload(name: str) -> str:
    await asyncio.sleep(0.06 if name in ("a", "c") else 0.04)
    if failures_left.get(name, 0) > 0:
        failures_left[name] -= 1
        raise ConnectionError(name)
    return name


async def main():
    names = ["a", "b", "c", "d"]
    todo = names
    rounds = 0
    while todo:
        rounds += 1
        outcomes = await asyncio.gather(*(upload(n) for n in todo), return_exceptions=True)
        todo = [n for n, o in zip(todo, outcomes) if isinstance(o, Exception)]
        if todo:
            await asyncio.sleep(0.05 * rounds)
    print("rounds", rounds)


if __name__ == "__main__":
    asyncio.run(main())
