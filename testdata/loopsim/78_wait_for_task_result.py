import asyncio

async def slow_add(a, b):
    await asyncio.sleep(0.12)
    return a + b

async def main():
    task = asyncio.create_task(slow_add(1, 2))
    done, _ = await asyncio.wait({task}, timeout=0.05)
    if not done:
        result = await asyncio.wait_for(task, timeout=1)
    return result

if __name__ == "__main__":
    asyncio.run(main())
