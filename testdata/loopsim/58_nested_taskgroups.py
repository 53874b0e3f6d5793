import asyncio

async def leaf(d):
    await asyncio.sleep(d)

async def branch(ds):
    async with asyncio.TaskGroup() as tg:
        for d in ds:
            tg.create_task(leaf(d))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(branch([0.1, 0.2]))
        tg.create_task(branch([0.15, 0.05, 0.25]))
    await leaf(0.05)

if __name__ == "__main__":
    asyncio.run(main())
