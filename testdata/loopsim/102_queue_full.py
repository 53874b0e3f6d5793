import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    dropped = 0
    for i in range(5):
        try:
            q.put_nowait(i)
        except asyncio.QueueFull:
            dropped += 1
            await asyncio.sleep(0.03)
    while not q.empty():
        q.get_nowait()
        await asyncio.sleep(0.02)
    return dropped

if __name__ == "__main__":
    asyncio.run(main())
