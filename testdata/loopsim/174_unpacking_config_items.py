# Nested config unpacked in for loops (name, (delay, retries)), star
# unpacking, keyword sleep(delay=...), sum over a generator.
import asyncio

CONFIG = {
    "users": (0.02, 2),
    "orders": (0.03, 1),
    "audit": (0.01, 3),
}


async def sync_table(name: str, delay: float, retries: int) -> int:
    for _ in range(retries):
        await asyncio.sleep(delay=delay)
    return retries


async def main():
    first, *rest = list(CONFIG)
    await sync_table(first, *CONFIG[first])
    coros = [sync_table(name, delay, retries) for name, (delay, retries) in CONFIG.items() if name in rest]
    counts = await asyncio.gather(*coros)
    total = sum(c for c in counts if c > 1)
    await asyncio.sleep(total * 0.01)
    print(first, rest, total)


if __name__ == "__main__":
    asyncio.run(main())
