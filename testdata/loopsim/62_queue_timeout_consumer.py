import asyncio

async def producer(q):
    for i in range(5):
        await q.put(i)
        await asyncio.sleep(0.03)

async def consumer(q):
    got = 0
    while True:
        try:
            item = await asyncio.wait_for(q.get(), timeout=0.1)
        except asyncio.TimeoutError:
            break
        got += 1
    return got

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))

if __name__ == "__main__":
    asyncio.run(main())
