# expect: budget tasks: in main, likely tasks created in a loop
import asyncio

N = 1_000_000


async def main():
    tasks = [asyncio.create_task(asyncio.sleep(1)) for _ in range(N)]
    await asyncio.gather(*tasks)
