import asyncio

DELAYS = {"x": 0.03, "y": 0.01, "z": 0.02}

async def work(key):
    await asyncio.sleep(DELAYS[key])
    return key

async def main():
    order = sorted(DELAYS, key=lambda k: DELAYS[k])
    seen = set()
    for k in order:
        seen.add(await work(k))
    pairs = {k: v * 2 for k, v in DELAYS.items() if k != "y"}
    await asyncio.gather(*(asyncio.sleep(v) for v in pairs.values()))
    for i, (k, v) in enumerate(sorted(pairs.items())):
        await asyncio.sleep(v / (i + 1))
    return seen

if __name__ == "__main__":
    asyncio.run(main())
