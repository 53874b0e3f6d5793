import asyncio

async def op(d):
    await asyncio.sleep(d)
    return d

async def guarded(d):
    try:
        return await asyncio.wait_for(op(d), timeout=0.15)
    except asyncio.TimeoutError:
        return None

async def main():
    return await asyncio.gather(*(guarded(d) for d in (0.05, 0.1, 0.3, 0.5)))

if __name__ == "__main__":
    asyncio.run(main())
