# Walk a tree of depth 3 with fan-out 3; every node costs 20 ms and its
# children are visited concurrently.
import asyncio


async def visit(path: str, depth: int) -> int:
    await asyncio.sleep(0.02)
    if depth == 0:
        return 1
    counts = await asyncio.gather(*(visit(f"{path}/{i}", depth - 1) for i in range(3)))
    return 1 + sum(counts)


async def main():
    print(await visit("", 3))


if __name__ == "__main__":
    asyncio.run(main())
