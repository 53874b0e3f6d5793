import asyncio

def make_counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump

async def main():
    bump = make_counter()
    while (n := bump()) <= 4:
        await asyncio.sleep(0.02 * n)
    data = [x for x in range(10) if (y := x * x) > 20]
    await asyncio.sleep(len(data) / 100)

if __name__ == "__main__":
    asyncio.run(main())
