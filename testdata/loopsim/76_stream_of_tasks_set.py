import asyncio

background = set()

async def job(i):
    await asyncio.sleep(0.02 * i)

async def main():
    for i in range(6):
        t = asyncio.create_task(job(i))
        background.add(t)
        t.add_done_callback(background.discard)
        await asyncio.sleep(0.01)
    while background:
        await asyncio.sleep(0.01)

if __name__ == "__main__":
    asyncio.run(main())
