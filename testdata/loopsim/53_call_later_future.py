import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.15, fut.set_result, "done")
    other = loop.create_future()
    loop.call_later(0.05, lambda: other.set_result(1))
    await other
    print(await fut)

if __name__ == "__main__":
    asyncio.run(main())
