import asyncio

async def handle(msg):
    match msg:
        case {"type": "slow", "delay": d}:
            await asyncio.sleep(d)
        case {"type": "fast"}:
            await asyncio.sleep(0.01)
        case [first, *rest]:
            await asyncio.sleep(0.01 * len(rest))
        case _:
            pass

async def main():
    await asyncio.gather(handle({"type": "slow", "delay": 0.15}), handle({"type": "fast"}), handle([1, 2, 3]))
    await handle("other")

if __name__ == "__main__":
    asyncio.run(main())
