import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad(d):
    await asyncio.sleep(d)
    raise KeyError(d)

async def group(ds):
    return await asyncio.gather(*(ok(d) for d in ds))

async def main():
    res = await asyncio.gather(group([0.1, 0.2]), group([0.05, 0.15]), bad(0.12), return_exceptions=True)
    print(res)

if __name__ == "__main__":
    asyncio.run(main())
