import asyncio

async def job(d):
    await asyncio.sleep(d)

async def main():
    for d in (0.1, 0.2, 0.15):
        asyncio.create_task(job(d), name=f"job-{d}")
    me = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not me]
    await asyncio.gather(*others)
    print(me.get_name())

if __name__ == "__main__":
    asyncio.run(main())
