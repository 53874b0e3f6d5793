import asyncio

async def bad(i):
    await asyncio.sleep(0.02 * i)
    raise ValueError(i)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(1, 4):
                tg.create_task(bad(i))
    except ExceptionGroup as eg:
        print(len(eg.exceptions))
    await asyncio.sleep(0.1)

if __name__ == "__main__":
    asyncio.run(main())
