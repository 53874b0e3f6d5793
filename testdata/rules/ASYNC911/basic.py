import asyncio


async def numbers(n):  # want: ASYNC911 "async generator `numbers` can finish with no checkpoint since its last yield"
    for i in range(n):
        yield i  # want: ASYNC911


async def second_yield():
    await asyncio.sleep(0)
    yield 1
    yield 2  # want: ASYNC911
    await asyncio.sleep(0)


# Quiet
async def checkpoints(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
    await asyncio.sleep(0)


async def stream(reader):
    async for chunk in reader:
        yield chunk
