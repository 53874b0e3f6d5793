import asyncio
import time

async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(0.1)
    return x + y

async def print_sum(x, y):
    result = await compute(x, y)
    print(f"{x} + {y} = {result}")

async def main():
    start = time.time()
    await asyncio.gather(print_sum(1, 2), print_sum(3, 4), print_sum(5, 6))
    await print_sum(7, 8)
    print(f"elapsed {time.time() - start:.2f}")

if __name__ == "__main__":
    asyncio.run(main())
