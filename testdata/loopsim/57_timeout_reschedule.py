import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(0.05)
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired", cm.expired())

if __name__ == "__main__":
    asyncio.run(main())
