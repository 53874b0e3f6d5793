import asyncio

async def fail_after(d, exc):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.1, ValueError("v")))
            tg.create_task(fail_after(0.1, TypeError("t")))
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print("value errors", len(eg.exceptions))
    except* TypeError:
        print("type errors")
    await asyncio.sleep(0.05)

if __name__ == "__main__":
    asyncio.run(main())
