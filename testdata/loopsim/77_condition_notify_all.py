import asyncio

state = {"ready": False}

async def waiter(cond, d):
    async with cond:
        await cond.wait_for(lambda: state["ready"])
    await asyncio.sleep(d)

async def main():
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(cond, 0.01 * i)) for i in range(4)]
    await asyncio.sleep(0.1)
    async with cond:
        state["ready"] = True
        cond.notify_all()
    await asyncio.gather(*ws)

if __name__ == "__main__":
    asyncio.run(main())
