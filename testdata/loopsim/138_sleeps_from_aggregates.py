# Delays computed from len(), sum(), min()/max() and comprehensions.
import asyncio

ORDERS = [
    {"id": 1, "items": [3, 1, 4]},
    {"id": 2, "items": [1, 5]},
    {"id": 3, "items": [9, 2, 6, 5]},
]


async def pack(order: dict) -> int:
    await asyncio.sleep(len(order["items"]) * 0.01)
    return sum(order["items"])


async def main():
    weights = await asyncio.gather(*[pack(o) for o in ORDERS])
    # ship: proportional to the heaviest order, in ms
    await asyncio.sleep(max(weights) / 100)
    await asyncio.sleep(min(len(o["items"]) for o in ORDERS) * 0.02)
    sizes = [len(o["items"]) for o in ORDERS if o["id"] != 2]
    await asyncio.sleep(sum(sizes) / 100)
    print(weights)


if __name__ == "__main__":
    asyncio.run(main())
