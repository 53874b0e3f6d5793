import asyncio

async def save():
    await asyncio.sleep(0.1)

async def work():
    try:
        await asyncio.sleep(5)
    finally:
        await asyncio.shield(save())

async def main():
    t = asyncio.create_task(work())
    v = await asyncio.sleep(0.05, result=3)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    return v

if __name__ == "__main__":
    asyncio.run(main())
