import asyncio

async def background(n):
    await asyncio.sleep(n)
    print("never printed")

async def main():
    asyncio.create_task(background(1))
    asyncio.create_task(background(2))
    await asyncio.sleep(0.1)
    print("main done")

if __name__ == "__main__":
    asyncio.run(main())
